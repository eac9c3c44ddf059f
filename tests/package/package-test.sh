#!/usr/bin/env bash
# The Debian packages as a store's IT person meets them, on this machine: cpack packages the
# build already made (no compiling), lintian finds no error, apt-get installs both .debs, the
# installed stockline-server refuses root on the service's database and works as the stockline
# user with /etc/stockline/server.conf, serves a real WebSocket hello from a scratch
# configuration, `stockline --self-test` runs from /usr/bin, and a purge leaves neither the
# data nor the configuration behind.
# Usage: package-test.sh BUILD_DIR   (ctest runs it in the ci build; needs root or sudo)
set -euo pipefail

build=$(cd "$1" && pwd)
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "package-test: run as root or install sudo" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive

# Never on a machine that runs a real store server: the purge would delete its database.
if dpkg-query -W -f='${Status}' stockline-server 2>/dev/null | grep -q 'ok installed' ||
   [ -e /var/lib/stockline ]; then
  echo "package-test: stockline-server is installed here (or /var/lib/stockline exists): skipped"
  exit 77
fi

work=$(mktemp -d)
chmod 711 "$work" # the scratch folder inside is the stockline user's
serve_pid=""
fail() { echo "package-test: FAILED: $*" >&2; exit 1; }
cleanup() {
  [ -n "$serve_pid" ] && $sudo kill "$serve_pid" 2>/dev/null || true
  if dpkg-query -W -f='${Status}' stockline-server stockline 2>/dev/null | grep -q installed; then
    $sudo apt-get purge -y -qq stockline-server stockline >/dev/null 2>&1 || true
  fi
  $sudo rm -rf "$work"
}
trap cleanup EXIT

echo "== cpack"
cpack --config "$build/CPackConfig.cmake" -B "$work/packages" >"$work/cpack.log" ||
  { cat "$work/cpack.log"; fail "cpack"; }
server_deb=$(ls "$work"/packages/stockline-server_*.deb)
terminal_deb=$(ls "$work"/packages/stockline_*.deb)

echo "== lintian (errors fail; the infos left are listed in README's Layout)"
lintian_status=0
lintian --fail-on error --display-info "$server_deb" "$terminal_deb" >"$work/lintian.log" 2>&1 ||
  lintian_status=$?
grep -v 'running with root privileges' "$work/lintian.log" || true
[ "$lintian_status" -eq 0 ] || fail "lintian found errors"

echo "== apt-get install"
$sudo apt-get install -y -qq "$server_deb" "$terminal_deb" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; fail "apt-get install"; }
[ "$(stat -c '%U %a' /var/lib/stockline)" = "stockline 700" ] ||
  fail "/var/lib/stockline is $(stat -c '%U %a' /var/lib/stockline), not stockline 700"
[ "$(stat -c '%U:%G %a' /etc/stockline/server.conf)" = "root:stockline 640" ] ||
  fail "server.conf is $(stat -c '%U:%G %a' /etc/stockline/server.conf)"
[ -L /etc/systemd/system/multi-user.target.wants/stockline-server.service ] ||
  fail "stockline-server.service is not enabled"
/usr/bin/stockline-server --version

echo "== admin commands read /etc/stockline/server.conf"
if $sudo /usr/bin/stockline-server location add store-1 "Store floor" 2>"$work/root.err"; then
  fail "root may write the service's database"
fi
grep -q 'sudo -u stockline' "$work/root.err" || { cat "$work/root.err"; fail "no sudo -u hint"; }
$sudo test ! -e /var/lib/stockline/server.db || fail "the refused command made a database"
as_service() { $sudo runuser -u stockline -- /usr/bin/stockline-server "$@"; }
as_service location add store-1 "Store floor"
[ "$($sudo stat -c %U /var/lib/stockline/server.db)" = stockline ] ||
  fail "server.db is not stockline's"
as_service location list | grep -q 'store-1' || fail "location list does not show store-1"

echo "== serve from a scratch configuration, and a WebSocket hello"
scratch="$work/scratch"
$sudo install -d -o stockline -g stockline -m 0700 "$scratch"
printf 'db = sqlite:%s/server.db\nlisten = 127.0.0.1:0\n' "$scratch" |
  $sudo runuser -u stockline -- tee "$scratch/server.conf" >/dev/null
token=$(as_service terminal add POS-01 --role pos --config "$scratch/server.conf")
$sudo runuser -u stockline -- /usr/bin/stockline-server serve --config "$scratch/server.conf" \
  >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 100); do
  grep -q 'listening on' "$work/serve.log" && break
  sleep 0.1
done
port=$(sed -n 's|.*listening on ws://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")
[ -n "$port" ] || { cat "$work/serve.log"; fail "serve did not listen"; }
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n' "$port" >&3
hello="{\"type\":\"hello\",\"protocol\":1,\"terminal\":\"POS-01\",\"token\":\"$token\",\"cursor\":0}"
length=${#hello}
# A masked text frame (clients must mask) with the all-zero key: the payload goes as it is.
if [ "$length" -lt 126 ]; then
  header=$(printf '\\x81\\x%02x\\x00\\x00\\x00\\x00' $((0x80 | length)))
else
  header=$(printf '\\x81\\xfe\\x%02x\\x%02x\\x00\\x00\\x00\\x00' $((length >> 8)) $((length & 255)))
fi
printf "$header%s" "$hello" >&3
timeout 3 cat <&3 >"$work/reply" || true
exec 3<&-
grep -aq '101 Switching Protocols' "$work/reply" || fail "no WebSocket handshake"
grep -aq '"type":"welcome"' "$work/reply" || { cat -v "$work/reply" | head -c 600; fail "no welcome"; }
echo "POS-01 was welcomed by the installed stockline-server on port $port"
$sudo kill "$serve_pid"
wait "$serve_pid" || true
serve_pid=""
grep -q 'stockline-server: stopped' "$work/serve.log" || { cat "$work/serve.log"; fail "serve did not stop"; }

echo "== stockline --self-test from /usr/bin"
QT_QPA_PLATFORM=offscreen /usr/bin/stockline --self-test >"$work/selftest.log" 2>&1 ||
  { cat "$work/selftest.log"; fail "stockline --self-test"; }
grep -q '/usr/share/stockline/sample-store' "$work/selftest.log" ||
  { cat "$work/selftest.log"; fail "the demo did not read /usr/share/stockline/sample-store"; }

echo "== apt-get purge"
$sudo apt-get purge -y -qq stockline-server stockline >"$work/purge.log" 2>&1 ||
  { cat "$work/purge.log"; fail "apt-get purge"; }
for gone in /var/lib/stockline /etc/stockline /usr/bin/stockline-server /usr/bin/stockline \
  /etc/systemd/system/multi-user.target.wants/stockline-server.service; do
  [ ! -e "$gone" ] || fail "$gone is still there after the purge"
done
if $sudo dpkg-statoverride --list /etc/stockline/server.conf >/dev/null; then
  fail "the statoverride of server.conf outlived the purge"
fi
echo "package-test: ok"
