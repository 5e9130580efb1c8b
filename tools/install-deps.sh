#!/bin/sh
# Installs what unecho needs, when any of it is missing: the Debian
# packages, then the front-end libraries of web/ from npm (embedded in
# the program at build time).  With --browser, also Debian's Chromium,
# which the browser tests drive.  Uses sudo when not run as root.
set -e
cd "$(dirname "$0")/.."
PACKAGES="build-essential meson ninja-build pkg-config
  libsqlite3-dev libutf8proc-dev libicu-dev libstemmer-dev libpcre2-dev
  libxxhash-dev libzstd-dev zlib1g-dev libjansson-dev libgumbo-dev
  libexpat1-dev libarchive-dev libcmocka-dev libmicrohttpd-dev sqlite3
  curl"
[ "$1" = "--browser" ] && PACKAGES="$PACKAGES chromium"
command -v npm >/dev/null 2>&1 || PACKAGES="$PACKAGES nodejs npm"
missing=""
for p in $PACKAGES; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
# nodejs may come from another repository; only ask for npm when absent.
if [ -n "$missing" ]; then
	echo "installing:$missing"
	if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi
tools/web-deps.sh
