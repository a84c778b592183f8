// Package faults holds relgraph's fault-injection tests (build tag
// integration, run by scripts/test): a Neo4j server killed with SIGKILL in
// the middle of a load, two loads of overlapping articles at once, export
// output on a full or non-writable file system. They drive the real
// relgraph binary as a subprocess, the way users run it, and compare
// graphs with store.Dump.
//
// The package's non-test code is the small helper the tests share:
// Instance, a Neo4j server of the test's own started with scripts/neo4j,
// which the test may kill and restart without disturbing the shared test
// server.
package faults
