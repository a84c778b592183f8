package report

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/relgraph/relgraph/internal/model"
)

// Format is an output format for a Result.
type Format string

// Formats.
const (
	Table    Format = "table"
	CSV      Format = "csv"
	JSON     Format = "json"
	Markdown Format = "md"
)

// Formats lists the formats in the order help texts show them.
var Formats = []Format{Table, CSV, JSON, Markdown}

// ParseFormat accepts a format name in any letter case ("markdown" for md).
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case Table, CSV, JSON, Markdown:
		return f, nil
	case "markdown":
		return Markdown, nil
	}
	return "", model.Errorf(model.EInvalid, "unknown format %q (want table, csv, json or md)", s)
}

// Table layout limits (defaults for Write): wide columns wrap at word
// boundaries, and a cell longer than this many lines is cut, ending "…", so a
// long evidence sentence never floods the terminal (json and csv keep it whole).
const (
	MaxColumnWidth = 60
	MaxCellLines   = 10
)

// Write writes res to w in format f.
func Write(w io.Writer, f Format, res Result) error {
	bw := bufio.NewWriter(w)
	var err error
	switch f {
	case Table:
		err = writeTable(bw, res, MaxColumnWidth, MaxCellLines)
	case CSV:
		err = writeCSV(bw, res)
	case JSON:
		err = writeJSON(bw, res)
	case Markdown:
		err = writeMarkdown(bw, res)
	default:
		_, err = ParseFormat(string(f))
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

func writeCSV(w io.Writer, res Result) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(res.Columns); err != nil {
		return err
	}
	rec := make([]string, len(res.Columns))
	for _, row := range res.Rows {
		for i := range rec {
			rec[i] = Text(cell(row, i))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeJSON writes an array of row objects whose keys keep the column order.
func writeJSON(w io.Writer, res Result) error {
	var buf bytes.Buffer
	buf.WriteByte('[')
	for r, row := range res.Rows {
		if r > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('{')
		for i, col := range res.Columns {
			if i > 0 {
				buf.WriteByte(',')
			}
			k, err := marshal(col)
			if err != nil {
				return err
			}
			v, err := marshal(jsonValue(cell(row, i)))
			if err != nil {
				return fmt.Errorf("column %s: %w", col, err)
			}
			buf.Write(k)
			buf.WriteByte(':')
			buf.Write(v)
		}
		buf.WriteByte('}')
	}
	buf.WriteByte(']')
	var out bytes.Buffer
	if err := json.Indent(&out, buf.Bytes(), "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err := w.Write(out.Bytes())
	return err
}

// marshal is json.Marshal without HTML escaping: "<-[PART_OF]-" stays readable.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// writeMarkdown writes a GitHub-flavoured Markdown table: pipes escaped,
// line breaks as <br>, numeric columns right-aligned.
func writeMarkdown(w io.Writer, res Result) error {
	esc := strings.NewReplacer(`\`, `\\`, "|", `\|`, "\r\n", "<br>", "\n", "<br>")
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + esc.Replace(c) + " |")
		}
		b.WriteString("\n")
	}
	row(res.Columns)
	b.WriteString("|")
	for i := range res.Columns {
		if numericColumn(res, i) {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" --- |")
		}
	}
	b.WriteString("\n")
	cells := make([]string, len(res.Columns))
	for _, r := range res.Rows {
		for i := range cells {
			cells[i] = Text(cell(r, i))
		}
		row(cells)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeTable writes aligned columns separated by two spaces, a dashed rule
// under the header, numbers right-aligned. List items start new lines in
// their cell; when any row spans several lines, rows are separated by a
// blank line so they stay apart.
func writeTable(w io.Writer, res Result, maxWidth, maxLines int) error {
	n := len(res.Columns)
	cells := make([][][]string, len(res.Rows)) // row, column, lines
	widths := make([]int, n)
	for i, c := range res.Columns {
		widths[i] = displayWidth(c)
	}
	multi := false
	for r, row := range res.Rows {
		cells[r] = make([][]string, n)
		for i := 0; i < n; i++ {
			var ls []string
			for _, item := range lines(cell(row, i)) {
				// An item's own line breaks stay; its wrapped
				// continuation lines are indented so items stay apart.
				ls = append(ls, wrapIndent(item, maxWidth, "  ")...)
			}
			if len(ls) > maxLines {
				ls = ls[:maxLines:maxLines]
				ls[maxLines-1] += " …"
			}
			cells[r][i] = ls
			multi = multi || len(ls) > 1
			for _, l := range ls {
				widths[i] = max(widths[i], displayWidth(l))
			}
		}
	}
	right := make([]bool, n)
	for i := range right {
		right[i] = numericColumn(res, i)
	}
	var b strings.Builder
	line := func(parts []string) {
		var l strings.Builder
		for i, p := range parts {
			if i > 0 {
				l.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-displayWidth(p))
			if right[i] {
				l.WriteString(pad + p)
			} else {
				l.WriteString(p + pad)
			}
		}
		b.WriteString(strings.TrimRight(l.String(), " "))
		b.WriteByte('\n')
	}
	line(res.Columns)
	rule := make([]string, n)
	for i := range rule {
		rule[i] = strings.Repeat("-", widths[i])
	}
	line(rule)
	for r := range cells {
		if multi && r > 0 {
			b.WriteByte('\n')
		}
		height := 1
		for _, c := range cells[r] {
			height = max(height, len(c))
		}
		parts := make([]string, n)
		for k := 0; k < height; k++ {
			for i, c := range cells[r] {
				parts[i] = ""
				if k < len(c) {
					parts[i] = c[k]
				}
			}
			line(parts)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// wrapIndent wraps each line of s at width; lines after a wrapped line's
// first are prefixed with indent (and wrapped narrower to fit).
func wrapIndent(s string, width int, indent string) []string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		first := wrap(para, width)
		out = append(out, first[0])
		if len(first) == 1 {
			continue
		}
		rest := strings.Join(first[1:], " ")
		for _, l := range wrap(rest, width-len(indent)) {
			out = append(out, indent+l)
		}
	}
	return out
}

// wrap breaks s into lines of at most width display columns, at spaces
// where it can and inside a word only when the word alone is too wide.
func wrap(s string, width int) []string {
	s = strings.Join(strings.Fields(s), " ")
	if displayWidth(s) <= width {
		return []string{s}
	}
	var out []string
	cur, curW := "", 0
	for _, word := range strings.Fields(s) {
		ww := displayWidth(word)
		for ww > width { // split an over-long word
			if curW > 0 {
				out = append(out, cur)
				cur, curW = "", 0
			}
			head, rest := cutWidth(word, width)
			out = append(out, head)
			word, ww = rest, displayWidth(rest)
		}
		switch {
		case curW == 0:
			cur, curW = word, ww
		case curW+1+ww <= width:
			cur, curW = cur+" "+word, curW+1+ww
		default:
			out = append(out, cur)
			cur, curW = word, ww
		}
	}
	if curW > 0 {
		out = append(out, cur)
	}
	return out
}

// cutWidth splits s after the last grapheme cluster that fits in width.
func cutWidth(s string, width int) (string, string) {
	g := uniseg.NewGraphemes(s)
	w, end := 0, 0
	for g.Next() {
		cw := g.Width()
		if w+cw > width {
			break
		}
		w += cw
		_, end = g.Positions()
	}
	if end == 0 { // a single cluster wider than width
		g = uniseg.NewGraphemes(s)
		g.Next()
		_, end = g.Positions()
	}
	return s[:end], s[end:]
}

// numericColumn reports whether every non-null value of column i is a number.
func numericColumn(res Result, i int) bool {
	seen := false
	for _, row := range res.Rows {
		switch cell(row, i).(type) {
		case nil:
		case int64, int, float64:
			seen = true
		default:
			return false
		}
	}
	return seen
}

func cell(row []any, i int) any {
	if i < len(row) {
		return row[i]
	}
	return nil
}

// displayWidth is the number of terminal columns s takes: its length for
// ASCII (the common case, and fast), uniseg's East-Asian-width-aware count
// otherwise.
func displayWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return uniseg.StringWidth(s)
		}
	}
	return len(s)
}
