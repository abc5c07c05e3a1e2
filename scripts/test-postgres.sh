#!/usr/bin/env bash
# The store and CLI tests against a real PostgreSQL, for a developer: starts a throwaway server
# (initdb in a temporary folder, a unix socket only; as root it runs as the `postgres` user),
# runs the tests with TREKANT_TEST_DATABASE_URL pointing at it, then the restart test alone,
# and stops the server and deletes its folder on exit. Extra arguments go to `cargo test`
# (e.g. `scripts/test-postgres.sh -p trekant-store`); without them: the whole workspace.
#
# Needs PostgreSQL's server binaries (Debian: `apt-get install postgresql`; or PG_BIN=DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/postgres-throwaway.sh
source scripts/postgres-throwaway.sh
postgres_throwaway_start
if [ "$#" -gt 0 ]; then
  cargo test "$@"
else
  cargo test --workspace
fi
cargo test -p trekant-store --test tests reconnects -- --ignored
