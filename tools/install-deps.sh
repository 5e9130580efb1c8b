#!/bin/sh
# Installs the Debian packages unecho needs, when any is missing.
# Uses sudo when not run as root.
set -e
PACKAGES="build-essential meson ninja-build pkg-config
  libsqlite3-dev libutf8proc-dev libicu-dev libstemmer-dev libpcre2-dev
  libxxhash-dev libzstd-dev zlib1g-dev libjansson-dev libgumbo-dev
  libexpat1-dev libarchive-dev libcmocka-dev sqlite3"
missing=""
for p in $PACKAGES; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
