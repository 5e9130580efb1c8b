#!/bin/sh
# t-robust.sh - unecho serve under thousands of malformed and random
# requests (robust.c); the server must stay up and answer correctly.
#   tests/server/t-robust.sh BUILD/unecho BUILD/tests/robust [COUNT]
set -u
SRC=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1 robust=$2 count=${3:-3000}
. "$SRC/tests/server/serve-lib.sh"
tmp=$(mktemp -d)
trap 'stop_server; rm -rf "$tmp"' EXIT
make_demo_db "$bin" "$tmp/demo.db" || { echo "demo database failed"; exit 1; }
start_server "$bin" "$tmp/demo.db" || exit 1
rc=0
UNECHO_TOKEN=$TOKEN "$robust" "$PORT" "$count" || rc=1
stop_server || { echo "the server died"; rc=1; }
exit $rc
