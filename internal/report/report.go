// Package report runs saved Cypher reports against Neo4j and formats their
// results.
//
// A report is a .cypher file whose leading comment block is its header, so
// the same file can be dragged into Neo4j Browser as a favorite (Browser
// takes the first comment line as the title) and run there unchanged:
//
//	// Title on the first line
//	// Description, any number of lines.
//	// @param country: what it is, how it is matched (default: Vietnam)
//	// @param name: a parameter without a default is required
//
// The header ends at the first line that is not a // comment. A default is
// the text after "default:" up to the closing bracket; surrounding single or
// double quotes are removed, so this default is the empty string:
//
//	// @param actor: only this actor's relationships; '' for all (default: '')
//
// Parameter values are always passed to Neo4j as Cypher parameters and are
// always strings: a name such as "2006" must not silently become a number.
// Reports convert with toInteger() where they need one.
package report

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/relgraph/relgraph/internal/model"
)

// Report is one saved query with the metadata of its header.
type Report struct {
	Name        string  `json:"name"`        // file name without .cypher
	Title       string  `json:"title"`       // first header line
	Description string  `json:"description"` // the other header lines, joined with spaces
	Params      []Param `json:"params"`      // in header order
	Query       string  `json:"-"`           // the whole file, header included (comments are valid Cypher)
}

// Param is a query parameter declared with @param.
type Param struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Default     string `json:"default"`
	HasDefault  bool   `json:"has_default"` // false: the parameter is required
}

// String renders p as the header declares it, e.g. "country (default: Vietnam)".
func (p Param) String() string {
	if !p.HasDefault {
		return p.Name + " (required)"
	}
	return fmt.Sprintf("%s (default: %q)", p.Name, p.Default)
}

var (
	paramName   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	paramLine   = regexp.MustCompile(`^@param\s+([^:\s]+)\s*:\s*(.*)$`)
	defaultPart = regexp.MustCompile(`^(.*?)\s*\(default:\s*(.*)\)\s*$`)
)

// Parse reads a report named name from its source. It fails with a
// *model.Error (EInvalid) naming the report when the header has no title,
// declares a parameter twice, has a malformed @param line or an unknown
// @directive, or when the query has no statement after the header.
func Parse(name string, src []byte) (Report, error) {
	r := Report{Name: name, Query: string(src)}
	bad := func(line int, format string, args ...any) error {
		return model.Errorf(model.EInvalid, "report %s, line %d: %s", name, line, fmt.Sprintf(format, args...))
	}
	var desc []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n, body := 0, false
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		text, ok := strings.CutPrefix(line, "//")
		if !ok && n == 1 {
			return Report{}, bad(n, "the first line must be a // title")
		}
		if !ok {
			body = body || strings.Trim(removeComments(string(src[offsetOfLine(src, n):])), " \t\r\n;") != ""
			break
		}
		text = strings.TrimSpace(text)
		switch {
		case n == 1:
			if text == "" {
				return Report{}, bad(n, "the first line must be a // title")
			}
			r.Title = text
		case strings.HasPrefix(text, "@param"):
			m := paramLine.FindStringSubmatch(text)
			if m == nil {
				return Report{}, bad(n, "want \"// @param name: description (default: value)\", got %q", text)
			}
			p := Param{Name: m[1], Description: strings.TrimSpace(m[2])}
			if !paramName.MatchString(p.Name) {
				return Report{}, bad(n, "parameter name %q is not a Cypher identifier", p.Name)
			}
			if seen[p.Name] {
				return Report{}, bad(n, "parameter %q declared twice", p.Name)
			}
			seen[p.Name] = true
			if d := defaultPart.FindStringSubmatch(p.Description); d != nil {
				p.Description, p.Default, p.HasDefault = d[1], unquote(strings.TrimSpace(d[2])), true
			}
			r.Params = append(r.Params, p)
		case strings.HasPrefix(text, "@"):
			return Report{}, bad(n, "unknown directive %q (only @param is known)", strings.Fields(text)[0])
		case text != "":
			desc = append(desc, text)
		}
	}
	if err := sc.Err(); err != nil {
		return Report{}, model.Wrap(model.EInvalid, err, "report %s", name)
	}
	if n == 0 || r.Title == "" {
		return Report{}, model.Errorf(model.EInvalid, "report %s: empty file (want a // title line and a query)", name)
	}
	if !body {
		return Report{}, model.Errorf(model.EInvalid, "report %s: no query after the header", name)
	}
	r.Description = strings.Join(desc, " ")
	return r, nil
}

// offsetOfLine returns the byte offset where 1-based line n starts.
func offsetOfLine(src []byte, n int) int {
	off := 0
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src[off:], '\n')
		if j < 0 {
			return len(src)
		}
		off += j + 1
	}
	return off
}

// removeComments drops // line comments, enough to tell whether anything
// but comments follows the header (string literals holding "//" only make
// it keep more, never less).
func removeComments(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(line); !strings.HasPrefix(t, "//") {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '\'' || s[0] == '"') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// Param returns the declared parameter called name.
func (r Report) Param(name string) (Param, bool) {
	for _, p := range r.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}
