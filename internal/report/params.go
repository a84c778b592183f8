package report

import (
	"sort"
	"strings"

	"github.com/relgraph/relgraph/internal/model"
)

// ParseArgs turns --param values of the form name=value into a map. The
// value is everything after the first '=' and may be empty or contain '='.
// Values stay strings (see the package comment). A missing '=', a name that
// is not a Cypher identifier, or a name given twice is an EInvalid error.
func ParseArgs(args []string) (map[string]string, error) {
	out := make(map[string]string, len(args))
	for _, a := range args {
		name, value, ok := strings.Cut(a, "=")
		name = strings.TrimSpace(name)
		if !ok {
			return nil, model.Errorf(model.EInvalid, "parameter %q: want name=value", a)
		}
		if !paramName.MatchString(name) {
			return nil, model.Errorf(model.EInvalid, "parameter %q: %q is not a valid parameter name", a, name)
		}
		if _, dup := out[name]; dup {
			return nil, model.Errorf(model.EInvalid, "parameter %q given twice", name)
		}
		out[name] = value
	}
	return out, nil
}

// Bind checks the given values against the report's declared parameters and
// returns the Cypher parameter map: every declared parameter, given or
// defaulted. An undeclared name, or a required parameter left out, is an
// EInvalid error that lists what the report knows.
func (r Report) Bind(given map[string]string) (map[string]any, error) {
	var unknown []string
	for name := range given {
		if _, ok := r.Param(name); !ok {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, model.Errorf(model.EInvalid, "report %s: unknown parameter %s (%s)",
			r.Name, strings.Join(quoteAll(unknown), ", "), r.known())
	}
	params := make(map[string]any, len(r.Params))
	var missing []string
	for _, p := range r.Params {
		switch v, ok := given[p.Name]; {
		case ok:
			params[p.Name] = v
		case p.HasDefault:
			params[p.Name] = p.Default
		default:
			missing = append(missing, p.Name)
		}
	}
	if len(missing) > 0 {
		return nil, model.Errorf(model.EInvalid, "report %s: missing required parameter %s (set it with --param %s=VALUE; %s)",
			r.Name, strings.Join(quoteAll(missing), ", "), missing[0], r.known())
	}
	return params, nil
}

// known describes the declared parameters for error messages.
func (r Report) known() string {
	if len(r.Params) == 0 {
		return "it takes no parameters"
	}
	s := make([]string, len(r.Params))
	for i, p := range r.Params {
		s[i] = p.String()
	}
	return "known: " + strings.Join(s, ", ")
}

func quoteAll(names []string) []string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = `"` + n + `"`
	}
	return q
}
