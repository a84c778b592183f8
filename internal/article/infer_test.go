package article

import (
	"path/filepath"
	"testing"
)

// The seeds' metadata, checked by hand against the texts:
//   - 000 opens with a sentence (ends with "."), has no date, signs off "-VNA".
//   - 001 opens with the dateline "Hanoi (VNA) -"; "a conference in Hanoi on
//     August 28" reviewing "2015-2018": 2018 is named three times.
//   - 002 opens with a sentence; "since 2006", "in 2013", "this year" give
//     no day; signs off "-VNA".
//   - 003 has a page header "Tuesday, 2/6/2020" above the headline and the
//     page's stamp "20/2/2014 21:31' Send Print" under it; its only source
//     is the note "(*) Published in Communist Review No 853 (November 2013)".
//   - 004 has a headline, "a conference in Hanoi on January 8", the year
//     2014 named twice (tied with 2011 and 2013, latest wins), "-VNA" above
//     a trailing "See more".
func TestInferSeeds(t *testing.T) {
	tests := []struct {
		file string
		want Metadata
	}{
		{"000_4a357b28ac66a3cc.txt", Metadata{Source: "VNA"}},
		{"001_5f04958c5ccbd3db.txt", Metadata{Date: "2018-08-28", Source: "VNA"}},
		{"002_b8d9906d8ce93280.txt", Metadata{Source: "VNA"}},
		{"003_86d00f9e133ffe8c.txt", Metadata{
			Title:  "New development in international cooperation in defence of Viet Nam (*)",
			Date:   "2014-02-20",
			Source: "Communist Review",
		}},
		{"004_a3a702d59d7ce4fc.txt", Metadata{
			Title:  "Defence Ministry aims for stronger defence diplomacy",
			Date:   "2014-01-08",
			Source: "VNA",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("..", "..", "seeds", tc.file)
			a, err := ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got := Metadata{Title: a.Title, Date: a.Date, Source: a.Source}
			if got != tc.want {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
			if a.ID != tc.file[:len(tc.file)-len(".txt")] || a.Path != path || len(a.Hash) != 64 {
				t.Errorf("ID %q, Path %q, Hash %q", a.ID, a.Path, a.Hash)
			}
		})
	}
}

func TestInferTitle(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"headline", "Vietnam, Japan step up defence ties\nHanoi (VNA) - Text.", "Vietnam, Japan step up defence ties"},
		{"markdown heading", "# Vietnam, Japan step up defence ties\n\nText.", "Vietnam, Japan step up defence ties"},
		{"white space collapsed", "  Vietnam,\tJapan  talk \nText.", "Vietnam, Japan talk"},
		{"date lines skipped", "Tuesday, 2/6/2020\nNavies meet (*)\n20/2/2014 21:31' Send Print\nText.", "Navies meet (*)"},
		{"quote with a colon inside", "Minister: \"We will cooperate\"\nText.", "Minister: \"We will cooperate\""},
		{"sentence", "The two navies met in Hanoi.\nText.", ""},
		{"dateline", "Hanoi (VNA) – The two navies met\nText.", ""},
		{"source only dateline", "(VOVworld) – The two navies met\nText.", ""},
		{"lowercase start", "the two navies met\nText.", ""},
		{"dash start", "– Vietnam and India held talks\nText.", ""},
		{"only line", "Vietnam, Japan step up defence ties", ""},
		{"too long", "Vietnam and Japan agreed to step up defence ties in many areas including training, search and rescue, military medicine and peacekeeping during the visit\nText.", ""},
		{"date only", "20/2/2014\nText.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Infer(tc.text).Title; got != tc.want {
				t.Errorf("title = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestInferDate(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"stamp after title beats header", "Monday, 1/6/2020\nTitle here\n20/2/2014 21:31\nText on May 3, 2011.", "2014-02-20"},
		{"header date line", "Monday, 1/6/2020\nTitle here\nText.", "2020-06-01"},
		{"iso stamp", "Title here\n2014-02-20\nText.", "2014-02-20"},
		{"numeric month first when day first is impossible", "Title here\n2/20/2014\nText.", "2014-02-20"},
		{"impossible date", "Title here\n31/2/2014\nText.", ""},
		{"dateline date", "SA KAEO, Feb 14, 2015 – Talks were held.", "2015-02-14"},
		{"dateline date, year from article", "SA KAEO, Feb 14 – Talks in 2015 and 2015.", "2015-02-14"},
		{"on-date, stated year", "Title here\nThey met on May 24, 2021 and again on 1 June 2021.", "2021-05-24"},
		{"on-date preferred", "Title here\nTalks from December 9-10 were set at a meeting on December 2, 2020.", "2020-12-02"},
		{"on weekday date", "Title here\nThey met on Monday, 3rd March 2014.", "2014-03-03"},
		{"first date when no on-date", "Title here\nFrom 19-28 November 2019, planes flew.", "2019-11-19"},
		{"day of month", "Title here\nThey met on the 28th of August, 2018.", "2018-08-28"},
		{"year by frequency", "Hanoi (VNA) - A conference on August 28 reviewed 2015-2018.\nPlans for 2018-2020.\nWork in 2020 and 2015-2018.", "2018-08-28"},
		{"year tie goes to latest", "Title\nOn January 8 they reviewed 2011-2013.\nBetween 2011 and 2013 and in 2014, in 2014.", "2014-01-08"},
		{"single year mention is not enough", "Title\nThey met on February 3 under the MoU signed in 2011.", ""},
		{"no year", "Title\nThey met on February 3.", ""},
		{"first candidate only", "Title\nThey met on May 24. The port was opened on February 26, 2016.", ""},
		{"month only", "Title\nPublished (November 2013).", ""},
		{"not in the lead", "Title\nOne.\nTwo.\nThree.\nThey met on May 24, 2021.", ""},
		{"duplicated lead paragraph", "Title\nOne in 2014.\nOne in 2014.\nTwo.\nThey met on January 8.", "2014-01-08"},
		{"mayor is not may", "Title\nThe 28 Mayors met in 2014, 2014.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Infer(tc.text).Date; got != tc.want {
				t.Errorf("date = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestInferSource(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"dateline", "Title\nHanoi (VNA) - Text.\nMore.", "VNA"},
		{"dateline with date", "Hanoi, August 28 (VNA) – Text.", "VNA"},
		{"source-only dateline", "Title\n(VOVworld) – Text.", "VOVworld"},
		{"sign-off", "Title\nText.\nLast words.-VNA", "VNA"},
		{"sign-off with spaces and boilerplate after", "Title\nText.\nLast words. – VNA\n\nSee more", "VNA"},
		{"parenthesised sign-off", "Title\nText.\nLast words. (AFP)", "AFP"},
		{"own-line sign-off", "Title\nText.\nLast words.\n-- JP", "JP"},
		{"contributor is not a source", "Title\nText.\nLast words.\n– With Jaime Laude", ""},
		{"credit line", "Title\nText.\n(*) Published in Communist Review No 853 (November 2013)\nAuthor", "Communist Review"},
		{"source line", "Title\nText.\nSource: Nhan Dan.", "Nhan Dan"},
		{"parenthesis and dash in a sentence", "Title\nThe ASEAN Defence Ministers’ Meeting (ADMM) – a forum – met.\nMore.", ""},
		{"place of four words", "Ho Chi Minh City (VNA) – Text.", "VNA"},
		{"dateline beats sign-off", "Title\nHanoi (VNA) - Text.\nLast.-AFP", "VNA"},
		{"vna house ending", "Title\nText.\nLast words./.", ""},
		{"none", "Title\nText without a source.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Infer(tc.text).Source; got != tc.want {
				t.Errorf("source = %q, want %q", got, tc.want)
			}
		})
	}
}
