#!/usr/bin/env bash
# Hot SKU on PostgreSQL, side by side on one throwaway cluster with fsync on (pg_virtualenv turns
# it off by default, which is right for tests and wrong for figures):
#   1. pgbench: the plain conditional update on one row (scripts/pgbench/hot-sku.sql), 64 clients;
#   2. stockline-bench race: one server node, buyers reserving 1 unit each of one SKU, every
#      decision a conditional update, many per transaction (group commit).
# Each is run RUNS times, alternating, so both see the same machine; the lines to compare are
# pgbench's "tps" and the race's "decisions/s".
#
# Usage, from the ci build folder (build/ci):  ../../scripts/bench-postgres.sh [RUNS [RACE OPTIONS]]
# RACE OPTIONS go to stockline-bench race as they are, e.g. a longer race:
#   ../../scripts/bench-postgres.sh 2 --buyers 100000 --units 10000 --per-push 10 --rounds 2
# STOCKLINE_SERVER=/path/to/stockline-server races another server build (say, one from before
# a change) with the same bench.
set -euo pipefail

runs=${1:-5}
race_options=("${@:2}")
here=$(cd "$(dirname "$0")" && pwd)
bench=${STOCKLINE_BENCH:-./app/bench/stockline-bench}

if [ -z "${STOCKLINE_BENCH_INSIDE:-}" ]; then
  [ -x "$bench" ] || { echo "bench-postgres: no $bench: run from build/ci after building stockline-bench" >&2; exit 1; }
  export STOCKLINE_BENCH_INSIDE=1 STOCKLINE_BENCH=$(realpath "$bench")
  [ -z "${STOCKLINE_SERVER:-}" ] || export STOCKLINE_SERVER=$(realpath "$STOCKLINE_SERVER")
  # -t: a temporary cluster even as root, so it never collides with another one.
  exec pg_virtualenv -t -o fsync=on -o synchronous_commit=on -o max_connections=200 "$0" "$runs" \
    "${race_options[@]}"
fi

psql -qXc "CREATE TABLE hot_sku (sku text PRIMARY KEY, available bigint NOT NULL)"
for i in $(seq "$runs"); do
  # Enough units that no update ever finds too few: every transaction really writes.
  psql -qXc "TRUNCATE hot_sku; INSERT INTO hot_sku VALUES ('HOT-1', 1000000000000)"
  echo "== run $i: pgbench, 64 clients, conditional update on one row"
  pgbench -n -c 64 -j 2 -T 10 -f "$here/pgbench/hot-sku.sql" | grep -E '^(tps|latency average)'
  db="stockline_bench_$i"
  psql -qXc "CREATE DATABASE $db"
  echo "== run $i: stockline-bench race on $db, one node"
  "$STOCKLINE_BENCH" race --db "postgres://$PGUSER@$PGHOST:$PGPORT/$db" \
    ${STOCKLINE_SERVER:+--server "$STOCKLINE_SERVER"} "${race_options[@]}" \
    | grep -E 'settle time|decisions|CPU|OVERSOLD|race:' || true
done
