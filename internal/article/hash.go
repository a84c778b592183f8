package article

import (
	"crypto/sha256"
	"encoding/hex"
)

// HashFile returns the content hash ReadFile would give the article at
// path (the hex SHA-256 of its bytes) without parsing it: all a load needs
// to tell an unchanged article from one to extract. It refuses what
// ReadFile refuses before parsing (a folder, a special file, a file over
// the size limit); the text's own problems show when it is read to be
// extracted.
func (r Reader) HashFile(path string) (string, error) {
	data, err := readFile(path, r.maxSize())
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), nil
}
