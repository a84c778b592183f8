package report

import (
	"reflect"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/internal/model"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    map[string]string
		wantErr string
	}{
		{"none", nil, map[string]string{}, ""},
		{"simple", []string{"country=Vietnam"}, map[string]string{"country": "Vietnam"}, ""},
		{"spaces and quotes kept", []string{"a=Viet Nam", `b=x'}) MATCH (n) DETACH DELETE n; //"{`},
			map[string]string{"a": "Viet Nam", "b": `x'}) MATCH (n) DETACH DELETE n; //"{`}, ""},
		{"numbers stay strings", []string{"limit=10", "flag=true"}, map[string]string{"limit": "10", "flag": "true"}, ""},
		{"value with equals", []string{"q=a=b"}, map[string]string{"q": "a=b"}, ""},
		{"empty value", []string{"actor="}, map[string]string{"actor": ""}, ""},
		{"no equals", []string{"country"}, nil, `parameter "country": want name=value`},
		{"empty name", []string{"=x"}, nil, `"" is not a valid parameter name`},
		{"bad name", []string{"a-b=1"}, nil, `"a-b" is not a valid parameter name`},
		{"twice", []string{"a=1", "a=2"}, nil, `parameter "a" given twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseArgs(tt.args)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || model.ErrorCode(err) != model.EInvalid {
					t.Fatalf("error %v, want invalid containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestBind(t *testing.T) {
	r := Report{Name: "between", Params: []Param{
		{Name: "a", Default: "Vietnam", HasDefault: true},
		{Name: "b", HasDefault: false},
		{Name: "actor", Default: "", HasDefault: true},
	}}
	tests := []struct {
		name    string
		given   map[string]string
		want    map[string]any
		wantErr string
	}{
		{"defaults fill in", map[string]string{"b": "Philippines"},
			map[string]any{"a": "Vietnam", "b": "Philippines", "actor": ""}, ""},
		{"given overrides default", map[string]string{"a": "Cuba", "b": "Laos", "actor": "x"},
			map[string]any{"a": "Cuba", "b": "Laos", "actor": "x"}, ""},
		{"empty string is a value", map[string]string{"b": ""},
			map[string]any{"a": "Vietnam", "b": "", "actor": ""}, ""},
		{"missing required", map[string]string{"a": "Cuba"}, nil,
			`report between: missing required parameter "b" (set it with --param b=VALUE; known: a (default: "Vietnam"), b (required), actor (default: ""))`},
		{"unknown", map[string]string{"b": "x", "country": "Cuba", "zz": "1"}, nil,
			`report between: unknown parameter "country", "zz" (known: a (default: "Vietnam"), b (required), actor (default: ""))`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.Bind(tt.given)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr || model.ErrorCode(err) != model.EInvalid {
					t.Fatalf("error\n  %v\nwant\n  %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
	_, err := Report{Name: "status"}.Bind(map[string]string{"x": "1"})
	if err == nil || !strings.Contains(err.Error(), "it takes no parameters") {
		t.Errorf("report without params: error %v, want 'it takes no parameters'", err)
	}
}
