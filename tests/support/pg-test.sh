#!/usr/bin/env bash
# Runs one test binary in a throwaway PostgreSQL cluster (pg_virtualenv -t: a temporary folder,
# even as root). pg_virtualenv would give every cluster it makes the same first free port of the
# clusters it can see, and a -t cluster sees none of the others: two test runs at once (ctest -j,
# or two checkouts on one machine) would both take 5433 and one would fail. So each run takes a
# port of its own, at random among those no server listens on, and below the kernel's range of
# ephemeral ports: the tests' own servers listen on port 0 and their clients connect out, and a
# port taken by one of those between the check and PostgreSQL's start failed a run now and then.
set -euo pipefail

in_use() { [ -e "/var/run/postgresql/.s.PGSQL.$1" ] || (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

read -r ephemeral _ < /proc/sys/net/ipv4/ip_local_port_range
low=10000
span=$((ephemeral > low + 1000 ? ephemeral - low : 20000))
pick() { port=$((low + (RANDOM * 32768 + RANDOM) % span)); }
pick
while in_use "$port"; do
  pick
done
export PGPORT=$port
exec pg_virtualenv -t "$@"
