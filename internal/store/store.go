package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/relgraph/relgraph/internal/model"
)

// Store is a connection to one Neo4j database. It is safe for concurrent use.
type Store struct {
	driver neo4j.DriverWithContext
	cfg    Config
}

// Open connects to Neo4j and checks that the database answers a query, so
// a bad password or an unknown database is reported here, once, rather than
// halfway through a load. When the server cannot be reached it tries again
// cfg.ConnectRetries times with doubling back-off before giving up with an
// EUnavailable error.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""),
		func(c *config.Config) {
			c.SocketConnectTimeout = min(cfg.Timeout, 5*time.Second)
			c.ConnectionAcquisitionTimeout = cfg.Timeout
			// Retries stop well before the call's deadline, so a lost
			// server ends in the driver's retry limit, which keeps the
			// connectivity errors, rather than in a bare context error.
			c.MaxTransactionRetryTime = cfg.Timeout / 2
		})
	if err != nil {
		return nil, model.Wrap(model.EInvalid, err, "neo4j: cannot use %s", Redact(cfg.URI))
	}
	s := &Store{driver: driver, cfg: cfg}
	delay := cfg.RetryDelay
	for attempt := 0; ; attempt++ {
		err = s.ping(ctx)
		if err == nil {
			return s, nil
		}
		if !isUnreachable(err) || attempt >= cfg.ConnectRetries || ctx.Err() != nil {
			break
		}
		select {
		case <-ctx.Done():
		case <-time.After(delay):
		}
		delay = min(2*delay, 5*time.Second)
	}
	s.Close()
	return nil, s.explain(err, cfg.ConnectRetries+1)
}

// ping runs a trivial query on the configured database, in an auto-commit
// transaction: one attempt, where a managed transaction would retry until
// the timeout (Open does its own, shorter, retries).
func (s *Store) ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "RETURN 1", nil)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// Close releases the driver's connections.
func (s *Store) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return s.driver.Close(ctx)
}

// Database is the database every call uses.
func (s *Store) Database() string { return s.cfg.Database }

// URI is the server address, without user info.
func (s *Store) URI() string { return Redact(s.cfg.URI) }

// timeout returns ctx bounded by the configured timeout.
func (s *Store) timeout(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, s.cfg.Timeout)
}

// session opens a session on the configured database.
func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.cfg.Database, AccessMode: mode})
}

// Neo4j status codes the explanations recognise.
const (
	codeUnauthorized     = "Neo.ClientError.Security.Unauthorized"
	codeRateLimit        = "Neo.ClientError.Security.AuthenticationRateLimit"
	codeDatabaseNotFound = "Neo.ClientError.Database.DatabaseNotFound"
	codeDatabaseOffline  = "Neo.TransientError.General.DatabaseUnavailable"
)

// neo4jError returns the server error behind err, looking inside the
// driver's retry wrapper, which does not unwrap.
func neo4jError(err error) *neo4j.Neo4jError {
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) {
		return ne
	}
	var lim *neo4j.TransactionExecutionLimit
	if errors.As(err, &lim) && len(lim.Errors) > 0 {
		return neo4jError(lim.Errors[len(lim.Errors)-1])
	}
	return nil
}

// isUnreachable reports whether err means the server could not be reached
// (worth retrying at start) rather than that it answered with an error.
func isUnreachable(err error) bool {
	var ce *neo4j.ConnectivityError
	if errors.As(err, &ce) {
		return true
	}
	var lim *neo4j.TransactionExecutionLimit
	if errors.As(err, &lim) && len(lim.Errors) > 0 {
		return isUnreachable(lim.Errors[len(lim.Errors)-1])
	}
	if ne := neo4jError(err); ne != nil {
		return ne.Code == codeDatabaseOffline
	}
	return errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "connection refused")
}

// lostConnection returns the last connectivity error in err, or among the
// attempts the driver's retry wrapper gave up after; nil if there is none.
func lostConnection(err error) error {
	var ce *neo4j.ConnectivityError
	if errors.As(err, &ce) {
		return ce
	}
	var lim *neo4j.TransactionExecutionLimit
	if errors.As(err, &lim) {
		for i := len(lim.Errors) - 1; i >= 0; i-- {
			if e := lostConnection(lim.Errors[i]); e != nil {
				return e
			}
		}
	}
	return nil
}

// explain turns a driver error into one line for users: what failed, where,
// and what to check. The password is never part of it.
func (s *Store) explain(err error, attempts int) error {
	where := fmt.Sprintf("%s (database %q)", Redact(s.cfg.URI), s.cfg.Database)
	if ne := neo4jError(err); ne != nil {
		switch ne.Code {
		case codeUnauthorized, codeRateLimit:
			return model.Errorf(model.EUnavailable,
				"neo4j: authentication failed for user %q at %s: check --user/--password (NEO4J_USERNAME/NEO4J_PASSWORD)",
				s.cfg.User, Redact(s.cfg.URI))
		case codeDatabaseNotFound:
			return model.Errorf(model.ENotFound,
				"neo4j: database %q does not exist at %s: check --database (NEO4J_DATABASE)",
				s.cfg.Database, Redact(s.cfg.URI))
		}
		return model.Errorf(model.EUnavailable, "neo4j: %s: %s (%s)", where, s.scrub(firstLine(ne.Msg)), ne.Code)
	}
	if isUnreachable(err) {
		tries := ""
		if attempts > 1 {
			tries = fmt.Sprintf(" after %d attempts", attempts)
		}
		return model.Errorf(model.EUnavailable,
			"neo4j: cannot reach %s%s (%s): is the server running? (scripts/neo4j start; or set --uri / NEO4J_URI)",
			Redact(s.cfg.URI), tries, s.cause(err))
	}
	return model.Errorf(model.EUnavailable, "neo4j: %s: %s", where, s.cause(err))
}

// cause is err's message on one line, with the password scrubbed in case a
// lower layer ever echoes it.
func (s *Store) cause(err error) string {
	return s.scrub(strings.TrimPrefix(firstLine(err.Error()), "ConnectivityError: "))
}

// scrub replaces the password in msg, should a lower layer ever echo it.
func (s *Store) scrub(msg string) string {
	if s.cfg.Password != "" {
		msg = strings.ReplaceAll(msg, s.cfg.Password, "***")
	}
	return msg
}

// wrapQuery turns an error from a query after Open into an *model.Error:
// the server refusing this query or its data (a Cypher mistake, a
// constraint violation) is EInvalid, so a load can isolate the article;
// anything else (server gone, timeout) is explained like a connection
// failure and stops the load.
func (s *Store) wrapQuery(err error, what string) error {
	if ne := neo4jError(err); ne != nil && (strings.HasPrefix(ne.Code, "Neo.ClientError.Statement.") ||
		strings.HasPrefix(ne.Code, "Neo.ClientError.Schema.")) {
		return model.Errorf(model.EInvalid, "neo4j: %s: %s (%s)", what, s.scrub(firstLine(ne.Msg)), ne.Code)
	}
	// A managed transaction retries a lost connection until the time is
	// up; whichever ends the loop (the driver's retry limit or the
	// context), the cause worth reporting is the lost server.
	if lost := lostConnection(err); lost != nil {
		return model.Errorf(model.EUnavailable,
			"neo4j: %s: cannot reach %s (%s): is the server running? (scripts/neo4j start; or set --uri / NEO4J_URI)",
			what, Redact(s.cfg.URI), s.cause(lost))
	}
	// The driver does not always wrap the context's error (its retry
	// wrapper keeps only the message), hence the text check.
	if errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), context.DeadlineExceeded.Error()) {
		return model.Errorf(model.EUnavailable, "neo4j: %s: %s: no answer within %s (raise --timeout)",
			what, Redact(s.cfg.URI), s.cfg.Timeout)
	}
	e := s.explain(err, 0)
	var me *model.Error
	if errors.As(e, &me) {
		me.Message = strings.Replace(me.Message, "neo4j: ", "neo4j: "+what+": ", 1)
	}
	return e
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}
