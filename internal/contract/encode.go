package contract

import (
	"unicode/utf8"

	"github.com/relgraph/relgraph/internal/model"
)

// The layout encoding/json's two-space indentation gives the contract: the
// object's lists at depth 1, their rows at depth 2, a row's fields at 3.
const (
	rowSep   = ",\n    "
	fieldSep = ",\n      "
	rowEnd   = "\n    }"
)

// appendSep appends what comes before the i-th row of a list.
func appendSep(b []byte, i int) []byte {
	if i == 0 {
		return append(b, "\n    "...)
	}
	return append(b, rowSep...)
}

// appendEnd closes a list of n rows ("[]" when empty, as encoding/json).
func appendEnd(b []byte, n int) []byte {
	if n == 0 {
		return append(b, ']')
	}
	return append(b, "\n  ]"...)
}

func appendArticle(b []byte, a model.ArticleRef) []byte {
	b = appendField(b, "{\n      \"id\": ", a.ID)
	b = appendField(b, fieldSep+`"title": `, a.Title)
	b = appendNullable(b, fieldSep+`"date": `, a.Date)
	b = appendField(b, fieldSep+`"path": `, a.Path)
	return append(b, rowEnd...)
}

func appendEntity(b []byte, e model.Entity) []byte {
	b = appendField(b, "{\n      \"id\": ", e.ID)
	b = appendField(b, fieldSep+`"name": `, e.Name)
	b = appendField(b, fieldSep+`"label": `, string(e.Label))
	b = appendNullable(b, fieldSep+`"country": `, e.Country)
	return append(b, rowEnd...)
}

func appendRelation(b []byte, r model.Relation) []byte {
	b = appendField(b, "{\n      \"type\": ", string(r.Type))
	b = appendField(b, fieldSep+`"from": `, r.From)
	b = appendField(b, fieldSep+`"to": `, r.To)
	b = appendField(b, fieldSep+`"status": `, string(r.Status))
	b = appendNullable(b, fieldSep+`"since": `, r.Since)
	b = appendField(b, fieldSep+`"article": `, r.Article)
	b = appendField(b, fieldSep+`"sentence": `, r.Sentence)
	return append(b, rowEnd...)
}

// appendField appends key (with what precedes it) and the string s.
func appendField(b []byte, key, s string) []byte {
	return appendString(append(b, key...), s)
}

// appendNullable is appendField writing null for "" (the model's unknown
// date, year or country).
func appendNullable(b []byte, key, s string) []byte {
	b = append(b, key...)
	if s == "" {
		return append(b, "null"...)
	}
	return appendString(b, s)
}

const hex = "0123456789abcdef"

// appendString appends s as a JSON string escaped as json.Marshal does:
// quotes, backslashes and control characters, '<', '>' and '&' (HTML
// escaping is on in json.Marshal, which the rows' MarshalJSON use), U+2028
// and U+2029, and invalid UTF-8 as U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if safe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default: // other control characters, '<', '>', '&'
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// safe reports the ASCII bytes a JSON string holds as they are.
var safe = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	for _, c := range `"\<>&` {
		t[c] = false
	}
	return t
}()
