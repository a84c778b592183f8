package extract

// Looking for a few fixed words in text by their rarest letter.

// rareWord is a word to look for with indexByRare: rare is the index of
// its byte least common in text.
type rareWord struct {
	w    string
	rare int
}

// rareWords returns ws with their rarest bytes (rarestByte).
func rareWords(ws ...string) []rareWord {
	out := make([]rareWord, len(ws))
	for i, w := range ws {
		out[i] = rareWord{w, rarestByte(w)}
	}
	return out
}

// lettersByFrequency are the lower-case letters, from the most common in
// English text to the least.
const lettersByFrequency = "etaoinshrdlcumwfgypbvkjxqz"

// rarestByte returns the index of w's byte least common in text (the
// first of equals): letters rank by lettersByFrequency, a space below
// them all, other bytes (digits, punctuation) above.
func rarestByte(w string) int {
	rank := func(b byte) int {
		if b == ' ' {
			return -1
		}
		for i := range len(lettersByFrequency) {
			if lettersByFrequency[i] == b {
				return i
			}
		}
		return len(lettersByFrequency)
	}
	best := 0
	for i := 1; i < len(w); i++ {
		if rank(w[i]) > rank(w[best]) {
			best = i
		}
	}
	return best
}

// containsRare reports whether one of ws stands in s.
func containsRare(s string, ws []rareWord) bool {
	for _, w := range ws {
		if indexByRare(s, w.w, w.rare) >= 0 {
			return true
		}
	}
	return false
}
