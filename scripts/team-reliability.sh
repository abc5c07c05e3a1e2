#!/usr/bin/env bash
# The reliability run of the team server (issue 14, docs/team.md): a throwaway PostgreSQL of
# its own, two `trekant serve --db` processes on it, and the load tool (team_load) with N
# clients for S seconds spread over both. At KILL_AT seconds one server is killed with
# SIGKILL; at RESTART_AT seconds PostgreSQL is restarted (`pg_ctl restart -m fast`). Then:
# every acknowledged save is in its brief (the tool checks over HTTP, and against
# /versions where the server keeps them) and every acknowledged hour log is in the database
# exactly once (psql, by its Idempotency-Key).
#
#   scripts/team-reliability.sh                       # 16 clients, 60 s, kill at 20, restart at 35
#   CLIENTS=4 LOAD_SECONDS=15 KILL_AT=5 RESTART_AT=9 scripts/team-reliability.sh
#
# Loopback only, bounded (LOAD_SECONDS plus the tool's give-up time), and it cleans up: the
# servers, PostgreSQL and its temporary folder go on exit. The results go to OUT (default
# target/reliability): report.json, journal.jsonl, logs.tsv, the servers' logs. PROFILE=release
# builds and runs the release binaries (default: the debug build); SKIP_BUILD=1 runs those
# already built.
#
# Never touches another PostgreSQL: the server is started here (scripts/postgres-throwaway.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export RUST_BACKTRACE=0

CLIENTS="${CLIENTS:-16}"
LOAD_SECONDS="${LOAD_SECONDS:-60}"
KILL_AT="${KILL_AT:-20}"
RESTART_AT="${RESTART_AT:-35}"
TRIALS="${TRIALS:-2000}"
CONFLICTS="${CONFLICTS:-20}"
OUT="${OUT:-target/reliability}"
PROFILE="${PROFILE:-debug}"

if [ -n "${SKIP_BUILD:-}" ]; then
  : # the binaries in target/$PROFILE as they are
elif [ "$PROFILE" = release ]; then
  cargo build --release -p trekant-cli -p trekant-bench --bin trekant --bin team_load
else
  cargo build -p trekant-cli -p trekant-bench --bin trekant --bin team_load
fi
BIN="${BIN:-$PWD/target/$PROFILE}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
rm -f "$OUT"/{report.json,journal.jsonl,logs.tsv,server-1.log,server-2.log,sql.txt}

# shellcheck source=scripts/postgres-throwaway.sh
source scripts/postgres-throwaway.sh
postgres_throwaway_start
DB="$TREKANT_TEST_DATABASE_URL"
BRIEFS="$POSTGRES_THROWAWAY_DIR/briefs"
mkdir -p "$BRIEFS"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  postgres_throwaway_stop
}
trap cleanup EXIT

say() { echo "team-reliability: $*" >&2; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

"$BIN/trekant" db migrate --db "$DB" >&2
PASSWORD="load-run-password-$$-$RANDOM"
echo "$PASSWORD" | "$BIN/trekant" user add lone@example.dk --name "Lone Load" --role owner \
  --password-stdin --db "$DB" >&2
echo "$PASSWORD" | "$BIN/trekant" user add mads@example.dk --name "Mads Load" --role member \
  --password-stdin --db "$DB" >&2

PORTS=("$(free_port)" "$(free_port)")
for i in 0 1; do
  "$BIN/trekant" serve "$BRIEFS" --db "$DB" --bind "127.0.0.1:${PORTS[$i]}" --lang en \
    >"$OUT/server-$((i + 1)).log" 2>&1 &
  PIDS+=("$!")
done
for port in "${PORTS[@]}"; do
  for _ in $(seq 1 100); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/assets/app.css"; then
      break
    fi
    sleep 0.1
  done
done
say "servers on ${PORTS[*]}, PostgreSQL at $DB"

# Two people's bearer tokens: from POST /api/login where the server has it, else made in the
# database as a login would (team_load session).
token() {
  local email="$1" answer
  answer="$(curl -s -w '\n%{http_code}' -H 'content-type: application/json' \
    -d "{\"email\": \"$email\", \"password\": \"$PASSWORD\"}" \
    "http://127.0.0.1:${PORTS[0]}/api/login" || true)"
  if [ "$(tail -n 1 <<<"$answer")" = 200 ]; then
    head -n 1 <<<"$answer" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
    echo "team-reliability: $email logged in with POST /api/login" >&2
  else
    echo "$PASSWORD" | "$BIN/team_load" session --db "$DB" --email "$email"
    echo "team-reliability: $email: no POST /api/login, a session made in the database" >&2
  fi
}
TOKEN_1="$(token lone@example.dk)"
TOKEN_2="$(token mads@example.dk)"

say "load: $CLIENTS clients for $LOAD_SECONDS s; SIGKILL server 1 at $KILL_AT s, restart PostgreSQL at $RESTART_AT s"
"$BIN/team_load" run \
  --server "http://127.0.0.1:${PORTS[0]}" --server "http://127.0.0.1:${PORTS[1]}" \
  --token "$TOKEN_1" --token "$TOKEN_2" --clients "$CLIENTS" --seconds "$LOAD_SECONDS" \
  --trials "$TRIALS" --conflicts "$CONFLICTS" --brief examples/kaffe-nord.toml \
  --report "$OUT/report.json" --journal "$OUT/journal.jsonl" --logs-tsv "$OUT/logs.tsv" \
  >"$OUT/load.txt" 2>&1 &
LOAD=$!
PIDS+=("$LOAD")
# The load starts after the setup and the conflict rounds: time the faults from its start.
for _ in $(seq 1 600); do
  grep -q "two people saving one brief at once" "$OUT/load.txt" 2>/dev/null && break
  kill -0 "$LOAD" 2>/dev/null || break
  sleep 0.1
done
START=$(date +%s.%N)
at() { sleep "$(python3 -c "import sys; print(max(0, $1 - ($(date +%s.%N) - $START)))")"; }
at "$KILL_AT"
kill -KILL "${PIDS[0]}"
say "$(date +%T) server 1 (port ${PORTS[0]}) killed with SIGKILL"
at "$RESTART_AT"
# pg_ctl restart starts it again with the options it had (postmaster.opts).
"${POSTGRES_THROWAWAY_CTL[@]}" -w -m fast restart -l "$POSTGRES_THROWAWAY_DIR/server.log" >/dev/null
say "$(date +%T) PostgreSQL restarted"
LOAD_STATUS=0
wait "$LOAD" || LOAD_STATUS=$?
cat "$OUT/load.txt"

# Every acknowledged log exactly once, with its hours; and what else has a key (logs given
# up on, whose answer never came, may be in once — never twice: the key is unique).
SQL_STATUS=0
psql "$DB" -v ON_ERROR_STOP=1 -q -At -F ' ' >"$OUT/sql.txt" <<SQL || SQL_STATUS=$?
CREATE TEMP TABLE acked (key TEXT, hours DOUBLE PRECISION);
\copy acked FROM '$OUT/logs.tsv'
SELECT 'acknowledged_logs', count(*) FROM acked;
SELECT 'in_the_database_exactly_once', count(*) FROM acked a
  WHERE (SELECT count(*) FROM time_entry t WHERE t.idempotency_key = a.key AND t.hours = a.hours) = 1;
SELECT 'missing_or_doubled', count(*) FROM acked a
  WHERE (SELECT count(*) FROM time_entry t WHERE t.idempotency_key = a.key AND t.hours = a.hours) <> 1;
SELECT 'keyed_entries_not_acknowledged', count(*) FROM time_entry t
  WHERE t.idempotency_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM acked a WHERE a.key = t.idempotency_key);
SQL
cat "$OUT/sql.txt"
MISSING="$(awk '$1 == "missing_or_doubled" { print $2 }' "$OUT/sql.txt")"
if [ "$SQL_STATUS" != 0 ] || [ "$MISSING" != 0 ] || [ "$LOAD_STATUS" != 0 ]; then
  say "FAILED (load tool exit $LOAD_STATUS, sql exit $SQL_STATUS, logs missing or doubled: ${MISSING:-?})"
  exit 1
fi
say "every acknowledged save and hour log is there exactly once; results in $OUT"
