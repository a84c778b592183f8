package report

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/relgraph/relgraph/internal/model"
)

// Catalog is the set of saved reports, sorted by name.
type Catalog []Report

// Load parses every *.cypher file directly in dir of fsys (the embedded
// cypher.FS uses dir "reports"). A file that does not parse fails the whole
// load: a broken saved report is a bug to fix, not one to skip silently.
func Load(fsys fs.FS, dir string) (Catalog, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.cypher"))
	if err != nil {
		return nil, fmt.Errorf("list reports in %s: %w", dir, err)
	}
	cat := make(Catalog, 0, len(names))
	for _, file := range names {
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			return nil, fmt.Errorf("read report %s: %w", file, err)
		}
		r, err := Parse(strings.TrimSuffix(path.Base(file), ".cypher"), src)
		if err != nil {
			return nil, err
		}
		cat = append(cat, r)
	}
	sort.Slice(cat, func(i, j int) bool { return cat[i].Name < cat[j].Name })
	return cat, nil
}

// Find returns the report called name, or a *model.Error (ENotFound) that
// lists the known names.
func (c Catalog) Find(name string) (Report, error) {
	name = strings.TrimSuffix(name, ".cypher")
	for _, r := range c {
		if r.Name == name {
			return r, nil
		}
	}
	return Report{}, model.Errorf(model.ENotFound, "no report %q (known: %s)", name, strings.Join(c.Names(), ", "))
}

// Names returns the report names in order.
func (c Catalog) Names() []string {
	names := make([]string, len(c))
	for i, r := range c {
		names[i] = r.Name
	}
	return names
}
