package model

import "encoding/json"

// The contract writes unknown dates and years as JSON null; the model keeps
// them as "" so callers never juggle pointers.

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullableCountry(e Entity) any {
	return nullable(e.Country)
}

// MarshalJSON writes the contract's article row (date null when unknown).
func (a ArticleRef) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Date  any    `json:"date"`
		Path  string `json:"path"`
	}{a.ID, a.Title, nullable(a.Date), a.Path})
}

// UnmarshalJSON reads the contract's article row.
func (a *ArticleRef) UnmarshalJSON(b []byte) error {
	var v struct {
		ID, Title, Path string
		Date            *string
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*a = ArticleRef{ID: v.ID, Title: v.Title, Path: v.Path}
	if v.Date != nil {
		a.Date = *v.Date
	}
	return nil
}

// MarshalJSON writes the contract's entity row (country null when none).
func (e Entity) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID      string `json:"id"`
		Name    string `json:"name"`
		Label   Label  `json:"label"`
		Country any    `json:"country"`
	}{e.ID, e.Name, e.Label, nullableCountry(e)})
}

// UnmarshalJSON reads the contract's entity row.
func (e *Entity) UnmarshalJSON(b []byte) error {
	var v struct {
		ID, Name string
		Label    Label
		Country  *string
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*e = Entity{ID: v.ID, Name: v.Name, Label: v.Label}
	if v.Country != nil {
		e.Country = *v.Country
	}
	return nil
}

// MarshalJSON writes the contract's relation row (since null when unknown).
func (r Relation) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Type     RelType `json:"type"`
		From     string  `json:"from"`
		To       string  `json:"to"`
		Status   Status  `json:"status"`
		Since    any     `json:"since"`
		Article  string  `json:"article"`
		Sentence string  `json:"sentence"`
	}{r.Type, r.From, r.To, r.Status, nullable(r.Since), r.Article, r.Sentence})
}

// UnmarshalJSON reads the contract's relation row.
func (r *Relation) UnmarshalJSON(b []byte) error {
	var v struct {
		Type                        RelType
		From, To, Article, Sentence string
		Status                      Status
		Since                       *string
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*r = Relation{Type: v.Type, From: v.From, To: v.To, Status: v.Status, Article: v.Article, Sentence: v.Sentence}
	if v.Since != nil {
		r.Since = *v.Since
	}
	return nil
}
