package extract

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestCapitalFirst checks capitalFirst's ASCII shortcut against decoding
// the first rune.
func TestCapitalFirst(t *testing.T) {
	for _, s := range []string{"", "a", "A", "Z", "z", "0", "9", "-", " ", "Éire", "éire", "Ωmega", "ωmega", "\xff", "1st", "US", "uS"} {
		r, _ := utf8.DecodeRuneInString(s)
		if want := unicode.IsUpper(r) || isDigit(r); capitalFirst(s) != want {
			t.Errorf("capitalFirst(%q) = %v, want %v", s, !want, want)
		}
	}
}
