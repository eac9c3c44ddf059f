#!/usr/bin/env bash
# Runs the sample store: the sync server on an embedded SQLite file holding the sample
# catalog, a store floor and a back room with opening stock, three expected deliveries, one
# terminal of each role and the sample staff (a cashier and a manager,
# resources/sample-store/staff.csv, who sign in at the till with their PINs); then the till
# (`stockline`) in the foreground, connected to it as POS-01, and it prints the command that
# starts the receiving dock DOCK-01 against the same server. Closing the till stops the server. Without a display (neither DISPLAY nor WAYLAND_DISPLAY) the till cannot
# open a window: the script says so and keeps the server in the foreground (Ctrl-C stops it).
#
# The first run creates the database and prints the terminals' tokens (kept, owner-only, in
# tokens.txt next to it; POS-01's and DOCK-01's also alone in pos-01.token and dock-01.token, the
# files the till and the dock read them from); later runs reuse them, and the terminals' own
# stores (pos-01.db, dock-01.db) with their sales and receipts.
#
#   STOCKLINE_DATA    folder for the database   (default: build/sample-store)
#   STOCKLINE_LISTEN  address and port to serve (default: 127.0.0.1:8765)
#   STOCKLINE_BUILD   the build folder          (default: build/release)
#   STOCKLINE_STORE_CONF  store settings (store.conf) for a new database (default: none, USD)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build="${STOCKLINE_BUILD:-$root/build/release}"
server="$build/app/server/stockline-server"
till="$build/app/terminal/stockline"
data="${STOCKLINE_DATA:-$root/build/sample-store}"
listen="${STOCKLINE_LISTEN:-127.0.0.1:8765}"
sample="$root/resources/sample-store"

say() { echo "run-sample-store: $*" >&2; }

[ -x "$server" ] || { say "$server is missing; build with 'cmake --build --preset release'"; exit 1; }
mkdir -p "$data"
chmod 700 "$data"

if [ ! -f "$data/server.db" ]; then
  # Load into a scratch file and move it into place only when complete, so an interrupted
  # first run never leaves a half-loaded store behind.
  scratch="$data/server.db.loading"
  rm -f "$scratch" "$scratch-wal" "$scratch-shm"
  db="sqlite:$scratch"
  while IFS=, read -r id name; do
    [ "$id" = id ] && continue
    "$server" location add --db "$db" "$id" "$name"
  done < "$sample/locations.csv"
  # A store outside the US: its settings first, so prices are read with its currency's digits.
  if [ -n "${STOCKLINE_STORE_CONF:-}" ]; then
    "$server" store set --db "$db" "$STOCKLINE_STORE_CONF"
  fi
  "$server" catalog import --db "$db" "$sample/products.csv"
  "$server" stock import --db "$db" "$sample/stock.csv"
  umask 077
  : > "$data/tokens.txt.new"
  for terminal in POS-01:pos DOCK-01:receiving WEB-01:channel MGR-01:manager; do
    id=${terminal%%:*}
    role=${terminal##*:}
    token=$("$server" terminal add --db "$db" "$id" --role "$role")
    printf '%-8s %-10s %s\n' "$id" "$role" "$token" >> "$data/tokens.txt.new"
  done
  "$server" verify --db "$db" >/dev/null
  mv "$scratch" "$data/server.db"
  mv "$data/tokens.txt.new" "$data/tokens.txt"
fi

# The till reads its token from a file only its owner can read: never from the command line,
# where `ps` shows it to every user.
# The sample staff, also into a database made before the till had sign-in. Each PIN goes on
# stdin, never on a command line.
db="sqlite:$data/server.db"
if [ -z "$("$server" staff list --db "$db" 2>/dev/null)" ]; then
  while IFS=, read -r name role pin; do
    [ "$name" = name ] && continue
    printf '%s\n' "$pin" | "$server" staff add --db "$db" "$name" --role "$role" >/dev/null
  done < "$sample/staff.csv"
fi

# The expected deliveries, once (into a database made before the sample store had them too;
# the list prints a header line even when there are none).
if [ "$("$server" delivery list --db "$db" --all | grep -c .)" -le 1 ]; then
  "$server" delivery import --db "$db" "$sample/deliveries.csv"
fi

# Writes terminal $1's token alone into file $2, readable by this account only.
write_token() {
  (umask 077 && awk -v id="$1" '$1 == id { print $3 }' "$data/tokens.txt" > "$2.new")
  chmod 600 "$2.new"
  mv "$2.new" "$2"
  [ -s "$2" ] || { say "no token for $1 in $data/tokens.txt"; exit 1; }
}
token_file="$data/pos-01.token"
write_token POS-01 "$token_file"
dock_token_file="$data/dock-01.token"
write_token DOCK-01 "$dock_token_file"

echo "Sample store: $data/server.db"
echo "Terminals (id, role, token) — also in $data/tokens.txt:"
sed 's/^/  /' "$data/tokens.txt"
"$server" stock show --db "sqlite:$data/server.db" > "$data/stock.txt"
echo "Stock ($(($(grep -c . "$data/stock.txt") - 2)) levels; all in $data/stock.txt):"
sed -n '1,5p' "$data/stock.txt"
echo "Expected deliveries, for the receiving dock:"
"$server" delivery list --db "sqlite:$data/server.db" | sed 's/^/  /'
echo "Staff who sign in at the till and the dock (sample PINs from $sample/staff.csv):"
awk -F, 'NR > 1 { printf "  %-8s %-8s PIN %s\n", $1, $2, $3 }' "$sample/staff.csv"

till_args=(--store "$data/pos-01.db" --terminal POS-01 --location store-1
           --store-name "Stockline Sample Store" --token-file "$token_file")
dock_args=(--store "$data/dock-01.db" --terminal DOCK-01 --location backroom-1 --mode receiving
           --store-name "Stockline Sample Store" --token-file "$dock_token_file")
# How to start the receiving dock against the server at $1, from another shell.
print_dock() {
  echo "Dock: start the receiving dock DOCK-01 against the same server from another shell with"
  echo "  $(printf '%q ' "$till" "${dock_args[@]}")--server $1"
}

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  say "no display (neither DISPLAY nor WAYLAND_DISPLAY is set): the till cannot open a window,"
  say "so it is NOT started. The server runs in the foreground; Ctrl-C stops it. On a machine"
  say "with a display, connect the till with:"
  address=${listen/0.0.0.0/127.0.0.1}
  [ "${address##*:}" = 0 ] && address="${address%:*}:PORT (the port the server prints below)"
  say "  $(printf '%q ' "$till" "${till_args[@]}")--server ws://$address/"
  print_dock "ws://$address/"
  exec "$server" serve --db "sqlite:$data/server.db" --listen "$listen"
fi
[ -x "$till" ] || { say "$till is missing; build with 'cmake --build --preset release'"; exit 1; }

log="$data/server.log"
"$server" serve --db "sqlite:$data/server.db" --listen "$listen" > "$log" 2>&1 &
server_pid=$!
stop_server() {
  kill -TERM "$server_pid" 2>/dev/null || return 0
  if wait "$server_pid"; then
    say "server stopped"
  else
    say "the server exited with status $?; its log: $log"
  fi
}
trap stop_server EXIT
trap 'exit 130' INT TERM

# The server says where it listens once it does; the till connects there (port 0 works too).
url=""
for _ in $(seq 1 200); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    say "the server did not start:"
    sed 's/^/  /' "$log" >&2
    trap - EXIT
    wait "$server_pid" || exit $?
    exit 1
  fi
  url=$(sed -n 's|^stockline-server: listening on \(ws://[^ ]*/\).*|\1|p' "$log" | head -n 1)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { say "the server did not report listening within 20 s; its log: $log"; exit 1; }
url=${url/0.0.0.0/127.0.0.1}
echo "Server: $url (log: $log)"
print_dock "$url"
echo "Till: POS-01 on $data/pos-01.db — close its window to stop both."
set +e
"$till" "${till_args[@]}" --server "$url"
status=$?
set -e
exit "$status"
