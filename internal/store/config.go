package store

import (
	"net/url"
	"strings"
	"time"

	"github.com/relgraph/relgraph/internal/model"
)

// Defaults for Config, the same as Neo4j's own tools use.
const (
	DefaultURI            = "bolt://127.0.0.1:7687"
	DefaultUser           = "neo4j"
	DefaultDatabase       = "neo4j"
	DefaultTimeout        = 30 * time.Second
	DefaultConnectRetries = 3
)

// Config says where Neo4j is and how patient to be with it.
type Config struct {
	URI      string // bolt://, neo4j:// and their +s / +ssc forms (default: bolt://127.0.0.1:7687)
	User     string // default: neo4j
	Password string // never printed
	Database string // every query names it (default: neo4j)

	// Timeout bounds every network call: connecting, one query, one
	// transaction including the driver's retries (default: 30s).
	Timeout time.Duration
	// ConnectRetries is how many times Open tries again, with doubling
	// back-off from RetryDelay, when the server cannot be reached
	// (default: 3; negative means no retry).
	ConnectRetries int
	// RetryDelay is the first back-off between connection attempts
	// (default: 500ms, doubling up to 5s).
	RetryDelay time.Duration
}

// schemes are the URI schemes the Go driver accepts.
var schemes = map[string]bool{
	"bolt": true, "bolt+s": true, "bolt+ssc": true,
	"neo4j": true, "neo4j+s": true, "neo4j+ssc": true,
}

// withDefaults returns c with zero fields set to their defaults.
func (c Config) withDefaults() Config {
	if c.URI == "" {
		c.URI = DefaultURI
	}
	if c.User == "" {
		c.User = DefaultUser
	}
	if c.Database == "" {
		c.Database = DefaultDatabase
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.ConnectRetries == 0 {
		c.ConnectRetries = DefaultConnectRetries
	}
	if c.ConnectRetries < 0 {
		c.ConnectRetries = 0
	}
	if c.RetryDelay <= 0 {
		c.RetryDelay = 500 * time.Millisecond
	}
	return c
}

// validate checks the URI; the error (EInvalid) shows it without user info.
func (c Config) validate() error {
	u, err := url.Parse(c.URI)
	if err != nil || u.Host == "" {
		return model.Errorf(model.EInvalid, "neo4j: bad URI %q: want scheme://host[:port], e.g. %s", Redact(c.URI), DefaultURI)
	}
	if !schemes[strings.ToLower(u.Scheme)] {
		return model.Errorf(model.EInvalid, "neo4j: bad URI %q: scheme %q is not one of bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc", Redact(c.URI), u.Scheme)
	}
	if u.User != nil {
		return model.Errorf(model.EInvalid, "neo4j: bad URI %q: give the user and password with --user/--password, not in the URI", Redact(c.URI))
	}
	return nil
}

// Redact returns uri with any user info removed, for messages.
func Redact(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		// Unparseable: drop everything between "://" and "@" by hand.
		if i, j := strings.Index(uri, "://"), strings.LastIndex(uri, "@"); i >= 0 && j > i {
			return uri[:i+3] + "***@" + uri[j+1:]
		}
		return uri
	}
	if u.User == nil {
		return uri
	}
	u.User = nil
	return strings.Replace(u.String(), "://", "://***@", 1)
}
