#!/bin/sh
# Installs web/'s npm packages (package-lock.json, exactly) when they are
# missing or older than the lock file.
set -e
cd "$(dirname "$0")/../web"
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
	echo "installing web/ packages from npm"
	npm ci --no-audit --no-fund --loglevel=error
fi
