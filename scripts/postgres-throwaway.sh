# A throwaway PostgreSQL server for the tests: sourced by .ci/run and scripts/test-postgres.sh.
#
#   source scripts/postgres-throwaway.sh && postgres_throwaway_start
#
# initdb's a data folder in a new temporary folder, starts the server listening only on a unix
# socket in that folder (no TCP port, so it never clashes with another server), exports
# TREKANT_TEST_DATABASE_URL, and stops the server and deletes the folder when the shell exits
# (a trap on EXIT). PostgreSQL refuses to run as root, so as root it runs as the `postgres`
# system user. The binaries come from PG_BIN, else the newest /usr/lib/postgresql/*/bin.

postgres_throwaway_start() {
  local bin="${PG_BIN:-}"
  if [ -z "$bin" ]; then
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  fi
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres-throwaway: no PostgreSQL binaries (set PG_BIN or install postgresql)" >&2
    return 1
  fi
  POSTGRES_THROWAWAY_DIR="$(mktemp -d /tmp/trekant-pg.XXXXXX)"
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$POSTGRES_THROWAWAY_DIR"
    as=(runuser -u postgres --)
  fi
  POSTGRES_THROWAWAY_CTL=("${as[@]}" "$bin/pg_ctl" -D "$POSTGRES_THROWAWAY_DIR/data")
  "${as[@]}" "$bin/initdb" -D "$POSTGRES_THROWAWAY_DIR/data" -U postgres --auth=trust \
    -E UTF8 --locale=C --no-sync >"$POSTGRES_THROWAWAY_DIR/initdb.log" 2>&1 || {
    cat "$POSTGRES_THROWAWAY_DIR/initdb.log" >&2
    return 1
  }
  trap postgres_throwaway_stop EXIT
  # Tests only: no fsync (a crash loses a throwaway database), many connections (tests run
  # in parallel, each with its own pool).
  "${POSTGRES_THROWAWAY_CTL[@]}" -w -l "$POSTGRES_THROWAWAY_DIR/server.log" \
    -o "-k $POSTGRES_THROWAWAY_DIR -c listen_addresses='' -c fsync=off -c max_connections=300" \
    start >/dev/null || {
    cat "$POSTGRES_THROWAWAY_DIR/server.log" >&2
    return 1
  }
  export TREKANT_TEST_DATABASE_URL="postgresql://postgres@/postgres?host=$POSTGRES_THROWAWAY_DIR"
  # The restart test stops and starts this very server.
  export TREKANT_TEST_PG_CTL="${POSTGRES_THROWAWAY_CTL[*]}"
  echo "postgres-throwaway: PostgreSQL running at $TREKANT_TEST_DATABASE_URL" >&2
}

postgres_throwaway_stop() {
  if [ -n "${POSTGRES_THROWAWAY_DIR:-}" ] && [ -d "$POSTGRES_THROWAWAY_DIR" ]; then
    "${POSTGRES_THROWAWAY_CTL[@]}" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$POSTGRES_THROWAWAY_DIR"
  fi
}
