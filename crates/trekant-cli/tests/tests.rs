//! Integration tests of the CLI, run against the built binary.
