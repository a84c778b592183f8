package extract

import "testing"

// TestNormalizedIs checks normalizedIs against normalizeSpace, on
// strings and their prefixes.
func TestNormalizedIs(t *testing.T) {
	cases := []string{"", " ", "a", "a b", " a  b ", "a\tb", "a\u00a0b", "a\u2003 b", "ab", "a  b\n", "\u00e9t\u00e9 x", "a\xffb", "a\xff b", "x\u0085y"}
	for _, s := range cases {
		for _, t0 := range cases {
			for _, tt := range []string{t0, normalizeSpace(t0), normalizeSpace(s)} {
				for k := 0; k <= len(tt); k++ {
					if got, want := normalizedIs(s, tt[:k]), normalizeSpace(s) == tt[:k]; got != want {
						t.Errorf("normalizedIs(%q, %q) = %v, want %v", s, tt[:k], got, want)
					}
				}
			}
		}
	}
}
