#!/usr/bin/env bash
# Runs one test binary in a throwaway PostgreSQL cluster (pg_virtualenv -t: a temporary folder,
# even as root). pg_virtualenv would give every cluster it makes the same first free port of the
# clusters it can see, and a -t cluster sees none of the others: two test runs at once (ctest -j,
# or two checkouts on one machine) would both take 5433 and one would fail. So each run takes a
# port of its own, at random among those no server listens on.
set -euo pipefail

in_use() { [ -e "/var/run/postgresql/.s.PGSQL.$1" ] || (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port=$((20000 + RANDOM % 30000))
while in_use "$port"; do
  port=$((20000 + RANDOM % 30000))
done
export PGPORT=$port
exec pg_virtualenv -t "$@"
