package article

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// frontMatter is the metadata an article file may start with, between two
// "---" lines:
//
//	---
//	title: Vietnam, Japan step up defence ties
//	date: 2019-11-11
//	source: VNA
//	url: https://example.org/a01
//	---
//
// Other keys are allowed and ignored, so files written for other tools
// (static site generators) read as they are.
type frontMatter struct {
	Title  string `yaml:"title"`
	Date   string `yaml:"date"`
	Source string `yaml:"source"`
	URL    string `yaml:"url"`
}

// splitFrontMatter splits text into its front matter and body. Text has
// front matter when its first line is "---"; the block ends at the next
// line that is "---" or "...". The body is everything after that line,
// unchanged.
func splitFrontMatter(text string) (fm frontMatter, body string, ok bool, err error) {
	first, rest, found := strings.Cut(text, "\n")
	if !found || strings.TrimRight(first, " \t\r") != "---" {
		return fm, text, false, nil
	}
	var block strings.Builder
	for len(rest) > 0 {
		line, next, _ := strings.Cut(rest, "\n")
		if t := strings.TrimRight(line, " \t\r"); t == "---" || t == "..." {
			if err := decodeFrontMatter(block.String(), &fm); err != nil {
				return fm, "", true, err
			}
			return fm, next, true, nil
		}
		block.WriteString(line)
		block.WriteByte('\n')
		rest = next
	}
	return fm, "", true, errors.New(`front matter: no closing "---" line`)
}

func decodeFrontMatter(block string, fm *frontMatter) error {
	var raw map[string]any
	if err := yaml.Unmarshal([]byte(block), &raw); err != nil {
		return fmt.Errorf("front matter: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	for key, v := range raw {
		var dst *string
		switch strings.ToLower(key) {
		case "title":
			dst = &fm.Title
		case "date":
			dst = &fm.Date
		case "source":
			dst = &fm.Source
		case "url":
			dst = &fm.URL
		default:
			continue
		}
		s, err := scalar(key, v)
		if err != nil {
			return err
		}
		*dst = strings.TrimSpace(s)
	}
	if fm.Date != "" {
		d, err := normalizeDate(fm.Date)
		if err != nil {
			return fmt.Errorf("front matter: date %q: %w", fm.Date, err)
		}
		fm.Date = d
	}
	return nil
}

// scalar turns a YAML value into a string; YAML reads an unquoted
// 2014-02-20 as a timestamp, which is turned back into its date.
func scalar(key string, v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case time.Time:
		return v.Format(time.RFC3339), nil
	case int, int64, uint64, float64, bool:
		return fmt.Sprint(v), nil
	}
	return "", fmt.Errorf("front matter: %s must be a single value, not %T", key, v)
}

// normalizeDate accepts YYYY-MM-DD, optionally followed by a time
// ("2014-02-20T21:31:00Z", "2014-02-20 21:31"), and returns YYYY-MM-DD.
func normalizeDate(s string) (string, error) {
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
		s = s[:10]
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return "", errors.New("want YYYY-MM-DD")
	}
	return t.Format("2006-01-02"), nil
}
