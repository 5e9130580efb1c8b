#!/bin/sh
# run.sh - the browser tests of unecho serve (pages.mjs): every page of the
# demo database, story -> claim -> document -> source, an ACH rating edited
# in place (and not with --read-only), and the hostile fixture with its
# workbench.  Skips (exit 77) without Chromium, Node or web/'s
# playwright-core.
#   tests/browser/run.sh BUILD/unecho
set -u
SRC=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ] || ! command -v node >/dev/null 2>&1 ||
   [ ! -d "$SRC/web/node_modules/playwright-core" ]; then
	echo "skipped: needs $chromium, node and web/node_modules/playwright-core"
	exit 77
fi
. "$SRC/tests/server/serve-lib.sh"
tmp=$(mktemp -d)
trap 'stop_server; rm -rf "$tmp"' EXIT
rc=0
make_demo_db "$bin" "$tmp/demo.db" || { echo "demo database failed"; exit 1; }
start_server "$bin" "$tmp/demo.db" || exit 1
UNECHO_TOKEN=$TOKEN node "$SRC/tests/browser/pages.mjs" "$BASE" demo || rc=1
stop_server || { echo "the server died"; rc=1; }
start_server "$bin" "$tmp/demo.db" --read-only || exit 1
UNECHO_TOKEN=$TOKEN node "$SRC/tests/browser/pages.mjs" "$BASE" readonly || rc=1
stop_server || { echo "the server died"; rc=1; }
make_hostile_db "$bin" "$tmp/hostile.db" || { echo "hostile database failed"; exit 1; }
start_server "$bin" "$tmp/hostile.db" || exit 1
node "$SRC/tests/browser/pages.mjs" "$BASE" hostile || rc=1
stop_server || { echo "the server died"; rc=1; }
exit $rc
