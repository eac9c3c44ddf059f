#!/usr/bin/env bash
# Installs the Debian 12 packages Stockline needs to build, run and test.
# Installs only what is missing, so a second run is quick and quiet.
set -euo pipefail

packages=(
  cmake ninja-build g++ git pkg-config clang-format
  clang-14 libclang-rt-14-dev
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite
  qt6-websockets-dev
  qt6-declarative-dev qt6-declarative-dev-tools
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
  qml6-module-qtqml qml6-module-qttest qml6-module-qtquick-dialogs
  qml6-module-qtcharts  # the back office's report charts (ChartView in QML)
  fonts-dejavu-core
  fonts-noto-core fonts-noto-cjk poppler-utils  # receipts in any script (PDF, raster rows); pdftotext for their test
  sqlite3 postgresql postgresql-contrib libqt6sql6-psql
  openssl  # TLS for wss:, and the tests' throwaway certificates
  nodejs node-ws  # a WebSocket client that is not ours, for the conformance tests
  lintian dpkg-dev fakeroot file  # the .deb packages (cpack's DEB generator, dpkg-shlibdeps) and their check
  libsqlite3-dev postgresql-client  # the sqlite3 C API (write batch, online backup); pg_dump, pg_restore, psql
  qt6-httpserver-dev libsystemd-dev prometheus fail2ban  # health/metrics port, sd_notify, promtool, fail2ban-regex
  qt6-tools-dev qt6-l10n-tools qt6-translations-l10n  # LinguistTools (qt_add_translations), lupdate/lrelease; Qt's own qtbase_de.qm …
  patroni etcd-server etcd-client iproute2  # issue 24: the HA pair (scripts/ha-postgres.sh) and the campaign's netem faults
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root or install sudo (missing: ${missing[*]})" >&2; exit 1; }
  sudo="sudo"
fi
echo "setup: installing ${missing[*]}"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
