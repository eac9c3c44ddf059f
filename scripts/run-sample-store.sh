#!/usr/bin/env bash
# Runs the sample store: the sync server on an embedded SQLite file holding the sample
# catalog, a store floor and a back room with opening stock, and one terminal of each role.
# The first run creates the database and prints the terminals' tokens (kept, owner-only, in
# tokens.txt next to it); later runs reuse it. Stop the server with Ctrl-C.
#
#   STOCKLINE_DATA    folder for the database   (default: build/sample-store)
#   STOCKLINE_LISTEN  address and port to serve (default: 127.0.0.1:8765)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
server="$root/build/release/app/server/stockline-server"
data="${STOCKLINE_DATA:-$root/build/sample-store}"
listen="${STOCKLINE_LISTEN:-127.0.0.1:8765}"
sample="$root/resources/sample-store"

[ -x "$server" ] || { echo "run-sample-store: $server is missing; build with 'cmake --build --preset release'" >&2; exit 1; }
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

echo "Sample store: $data/server.db"
echo "Terminals (id, role, token) — also in $data/tokens.txt:"
sed 's/^/  /' "$data/tokens.txt"
"$server" stock show --db "sqlite:$data/server.db" > "$data/stock.txt"
echo "Stock ($(($(grep -c . "$data/stock.txt") - 2)) levels; all in $data/stock.txt):"
sed -n '1,5p' "$data/stock.txt"
exec "$server" serve --db "sqlite:$data/server.db" --listen "$listen"
