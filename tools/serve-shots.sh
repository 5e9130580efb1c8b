#!/bin/sh
# serve-shots.sh - the screenshots of the web application in docs/
# (serve-overview.png, serve-story.png, serve-ach.png: the demo's ACH
# matrix with its grid editable, as the analyst sees it with the token),
# taken with playwright-core and Chromium from the demo database:
#   tools/serve-shots.sh [BUILD/unecho] [DB]
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$SRC/build/unecho} db=${2:-$SRC/build/demo.db}
. "$SRC/tests/server/serve-lib.sh"
trap 'stop_server' EXIT
start_server "$bin" "$db"
UNECHO_TOKEN=$TOKEN node "$SRC/tests/browser/pages.mjs" "$BASE" shots "$SRC/docs"
