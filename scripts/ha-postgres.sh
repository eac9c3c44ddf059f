#!/usr/bin/env bash
# A highly available PostgreSQL 15 on this machine, for trying it and for tests (issue 24):
# etcd and two PostgreSQL nodes under Patroni, one primary and one synchronous standby
# (synchronous_mode: Patroni names the standby in synchronous_standby_names, so a commit the
# primary confirmed is on both; only that standby may be promoted). Debian's packages: patroni,
# etcd-server (scripts/setup-debian.sh installs them).
#
#   scripts/ha-postgres.sh start [--tuned]   # prints the URL for `stockline-server --db`
#   scripts/ha-postgres.sh status            # who is primary, who is the sync standby
#   scripts/ha-postgres.sh kill-primary      # kill -9 of the primary's Patroni and PostgreSQL
#   scripts/ha-postgres.sh revive            # start every node that is down again
#   scripts/ha-postgres.sh url | fresh-db | wait | stop
#
# --tuned: ttl 6 s, loop_wait 1 s, retry_timeout 2 s instead of Patroni's defaults (30/10/10),
# so a dead primary is replaced in seconds, not half a minute.
# Everything lives in $STOCKLINE_HA_DIR (default /var/tmp/stockline-ha); ports 24379–24380
# (etcd), 24008–24009 (Patroni's REST API), 24432–24433 (PostgreSQL), on 127.0.0.1 only.
set -euo pipefail

dir=${STOCKLINE_HA_DIR:-/var/tmp/stockline-ha}
password=${STOCKLINE_HA_PASSWORD:-stockline-ha}
bin=/usr/lib/postgresql/15/bin
nodes=(pg1 pg2)
declare -A pgport=([pg1]=24432 [pg2]=24433) restport=([pg1]=24008 [pg2]=24009)

# PostgreSQL refuses to run as root: as root, everything runs as the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    HOME=$dir setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
  else
    "$@"
  fi
}

url() {
  echo "postgres://postgres@127.0.0.1:${pgport[pg1]},127.0.0.1:${pgport[pg2]}/stockline?target_session_attrs=read-write"
}

config() { # node ttl loop_wait retry_timeout
  local n=$1
  cat <<EOF
scope: stockline
name: $n
log: {dir: $dir/log/$n, file_num: 2}
restapi: {listen: 127.0.0.1:${restport[$n]}, connect_address: 127.0.0.1:${restport[$n]}}
etcd3: {hosts: 127.0.0.1:24379}
bootstrap:
  dcs:
    ttl: $2
    loop_wait: $3
    retry_timeout: $4
    maximum_lag_on_failover: 1048576
    synchronous_mode: true
    postgresql:
      use_pg_rewind: true
      parameters: {synchronous_commit: 'on', wal_log_hints: 'on', max_wal_senders: 10,
                   max_replication_slots: 10, hot_standby: 'on'}
  initdb: [{encoding: UTF8}, {locale: C.UTF-8}]
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
postgresql:
  listen: 127.0.0.1:${pgport[$n]}
  connect_address: 127.0.0.1:${pgport[$n]}
  data_dir: $dir/$n
  bin_dir: $bin
  pgpass: $dir/pgpass-$n
  authentication:
    superuser: {username: postgres, password: '$password'}
    replication: {username: replicator, password: '$password'}
    rewind: {username: postgres, password: '$password'}
  parameters: {unix_socket_directories: '$dir'}
EOF
}

# In the background, keeping the PID of the program itself (exec, no shell in between).
spawn() { # log command…
  local log=$1
  shift
  if [ "$(id -u)" -eq 0 ]; then
    (HOME=$dir exec setpriv --reuid=postgres --regid=postgres --init-groups -- "$@" >>"$log" 2>&1) &
  else
    (exec "$@" >>"$log" 2>&1) &
  fi
}

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_etcd() {
  running "$dir/etcd.pid" && return
  spawn "$dir/log/etcd.log" etcd --name stockline-ha --data-dir "$dir/etcd" \
    --listen-client-urls http://127.0.0.1:24379 --advertise-client-urls http://127.0.0.1:24379 \
    --listen-peer-urls http://127.0.0.1:24380 --initial-advertise-peer-urls http://127.0.0.1:24380 \
    --initial-cluster stockline-ha=http://127.0.0.1:24380
  echo $! >"$dir/etcd.pid"
  for _ in $(seq 50); do
    curl -fs http://127.0.0.1:24379/health >/dev/null 2>&1 && return
    sleep 0.2
  done
  echo "ha-postgres: etcd did not start (see $dir/log/etcd.log)" >&2
  exit 1
}

start_node() {
  local n=$1
  running "$dir/$n.pid" && return
  spawn "$dir/log/$n.out" patroni "$dir/$n.yml"
  echo $! >"$dir/$n.pid"
}

leader() {
  for n in "${nodes[@]}"; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${restport[$n]}/primary")" = 200 ]; then
      echo "$n"
      return 0
    fi
  done
  return 1
}

# The primary accepts writes and a synchronous standby is streaming: ready for the nodes.
wait_ready() {
  for _ in $(seq "${1:-300}"); do
    if leader >/dev/null &&
      [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${restport[pg1]}/sync")" = 200 -o \
        "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${restport[pg2]}/sync")" = 200 ]; then
      return 0
    fi
    sleep 0.2
  done
  echo "ha-postgres: no primary with a synchronous standby (see $dir/log)" >&2
  return 1
}

cmd_start() {
  local ttl=30 loop_wait=10 retry_timeout=10
  [ "${1:-}" = --tuned ] && { ttl=6; loop_wait=1; retry_timeout=2; }
  mkdir -p "$dir/log/pg1" "$dir/log/pg2"
  [ "$(id -u)" -eq 0 ] && chown -R postgres: "$dir"
  for n in "${nodes[@]}"; do
    [ -f "$dir/$n.yml" ] || config "$n" $ttl $loop_wait $retry_timeout >"$dir/$n.yml"
  done
  [ "$(id -u)" -eq 0 ] && chown -R postgres: "$dir"
  start_etcd
  start_node pg1
  sleep 1
  start_node pg2
  wait_ready
  on_primary "SELECT 1 FROM pg_database WHERE datname = 'stockline'" | grep -q 1 ||
    on_primary "CREATE DATABASE stockline" >/dev/null
  echo "ha-postgres: primary $(leader); for the server: PGPASSWORD=$password and --db \"$(url)\""
}

on_primary() {
  PGPASSWORD=$password as_owner "$bin/psql" -qAt -h 127.0.0.1 -p "${pgport[$(leader)]}" \
    -U postgres -d postgres -c "$1"
}

# An empty database `stockline` (the campaign starts from one).
cmd_fresh_db() {
  wait_ready
  on_primary "DROP DATABASE IF EXISTS stockline WITH (FORCE)" >/dev/null
  on_primary "CREATE DATABASE stockline" >/dev/null
  # Until the standby has it too: libpq may try it first.
  for n in "${nodes[@]}"; do
    for _ in $(seq 100); do
      PGPASSWORD=$password as_owner "$bin/psql" -qAt -h 127.0.0.1 -p "${pgport[$n]}" -U postgres \
        -d stockline -c "SELECT 1" >/dev/null 2>&1 && break
      sleep 0.1
    done
  done
}

cmd_stop() {
  for n in "${nodes[@]}"; do
    running "$dir/$n.pid" && kill "$(cat "$dir/$n.pid")"
  done
  for n in "${nodes[@]}"; do
    while running "$dir/$n.pid"; do sleep 0.2; done
    [ -f "$dir/$n/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/$n" stop -m fast >/dev/null 2>&1 || true
    rm -f "$dir/$n.pid"
  done
  running "$dir/etcd.pid" && kill "$(cat "$dir/etcd.pid")"
  rm -f "$dir/etcd.pid"
}

# The machine of the primary dies: its Patroni and its PostgreSQL, both kill -9.
cmd_kill_primary() {
  local primary
  primary=$(leader) || { echo "ha-postgres: no primary" >&2; exit 1; }
  kill -9 "$(cat "$dir/$primary.pid")"
  [ -f "$dir/$primary/postmaster.pid" ] && kill -9 "$(head -1 "$dir/$primary/postmaster.pid")" 2>/dev/null || true
  rm -f "$dir/$primary.pid"
  echo "$primary"
}

# The dead machine comes back, once the other has taken over (before, it would find its own
# leader lock still valid and simply carry on as the primary: no failover at all).
cmd_revive() {
  for _ in $(seq 600); do
    local primary
    primary=$(leader) && running "$dir/$primary.pid" && break
    sleep 0.1
  done
  for n in "${nodes[@]}"; do start_node "$n"; done
  wait_ready
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  status) as_owner patronictl -c "$dir/pg1.yml" list ;;
  url) url ;;
  leader) leader ;;
  wait) wait_ready "${2:-300}" ;;
  kill-primary) cmd_kill_primary ;;
  revive) cmd_revive ;;
  fresh-db) cmd_fresh_db ;;
  *) sed -n '2,17p' "$0" >&2; exit 2 ;;
esac
