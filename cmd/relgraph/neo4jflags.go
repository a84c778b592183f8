package main

import (
	"time"

	"github.com/urfave/cli/v2"

	"github.com/relgraph/relgraph/internal/model"
	"github.com/relgraph/relgraph/internal/store"
)

// neo4jFlags are the connection flags of every command that talks to Neo4j,
// each with the environment variable Neo4j's own tools use.
func neo4jFlags() []cli.Flag {
	const cat = "Neo4j connection"
	return []cli.Flag{
		&cli.StringFlag{Name: "uri", Category: cat, Value: store.DefaultURI, EnvVars: []string{"NEO4J_URI"},
			Usage: "Neo4j server: bolt://, neo4j:// or their +s / +ssc (TLS) forms"},
		&cli.StringFlag{Name: "user", Category: cat, Value: store.DefaultUser, EnvVars: []string{"NEO4J_USERNAME"},
			Usage: "Neo4j user"},
		&cli.StringFlag{Name: "password", Category: cat, EnvVars: []string{"NEO4J_PASSWORD"},
			Usage: "Neo4j password (prefer the environment variable; it is never printed)"},
		&cli.StringFlag{Name: "database", Category: cat, Value: store.DefaultDatabase, EnvVars: []string{"NEO4J_DATABASE"},
			Usage: "Neo4j database every query runs on"},
		&cli.DurationFlag{Name: "timeout", Category: cat, Value: store.DefaultTimeout,
			Usage: "bound on each Neo4j call (connect, query, one transaction with its retries)"},
		&cli.IntFlag{Name: "connect-retries", Category: cat, Value: store.DefaultConnectRetries,
			Usage: "times to retry, with back-off, when the server cannot be reached at start"},
	}
}

// storeConfig reads the connection flags.
func storeConfig(c *cli.Context) store.Config {
	retries := c.Int("connect-retries")
	if retries == 0 {
		retries = -1 // the flag's 0 means no retry; Config's zero means default
	}
	return store.Config{
		URI:            c.String("uri"),
		User:           c.String("user"),
		Password:       c.String("password"),
		Database:       c.String("database"),
		Timeout:        c.Duration("timeout"),
		ConnectRetries: retries,
		RetryDelay:     500 * time.Millisecond,
	}
}

// openStore connects to Neo4j: the driver exists only for commands that
// call this.
func openStore(c *cli.Context) (*store.Store, error) {
	return store.Open(c.Context, storeConfig(c))
}

// graphFromNeo4j reads the whole relationship graph stored in Neo4j, for
// `export --from neo4j`: the same model.Graph as model.BuildGraph gives for
// the loaded articles. The command must have neo4jFlags.
func graphFromNeo4j(c *cli.Context) (model.Graph, error) {
	st, err := openStore(c)
	if err != nil {
		return model.Graph{}, err
	}
	defer st.Close()
	return st.ReadGraph(c.Context)
}
