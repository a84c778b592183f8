package model

import (
	"errors"
	"fmt"
)

// Error codes: a small vocabulary the CLI maps to one clear line and an exit
// status, after the WTF Dial's application errors.
const (
	EInvalid     = "invalid"     // bad input: a file, a flag, a parameter
	ENotFound    = "not_found"   // a named thing does not exist
	EUnavailable = "unavailable" // a service (Neo4j) cannot be reached or refused us
	EInternal    = "internal"
)

// Error is an application error with a code and a message meant for users.
type Error struct {
	Code    string
	Message string
	Err     error // cause, may be nil
}

func (e *Error) Error() string {
	if e.Err != nil && e.Message == "" {
		return e.Err.Error()
	}
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an *Error with code whose cause is err.
func Wrap(code string, err error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: err}
}

// ErrorCode returns the code of the first *Error in err's chain, EInternal
// for other non-nil errors and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	}
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}
