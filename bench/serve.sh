#!/bin/sh
# serve.sh - benchmark of unecho serve with wrk (not a test): requests per
# second, latency percentiles and errors for /api/stories and for the data of
# a story page (/api/stories/ID: the first story of the overview, by echo
# ratio, and the story with the most documents), each
# after one uncached request whose time is shown too; and the server's
# memory (resident now and at peak).
#   bench/serve.sh BUILD/unecho DB [SECONDS] [CONNECTIONS] [THREADS]
# Prints the figures and a checksum of the two answers.
set -eu
bin=$1 db=$2 secs=${3:-15} conns=${4:-32} threads=${5:-2}
command -v wrk >/dev/null 2>&1 || { echo "serve.sh: needs wrk (apt-get install wrk)" >&2; exit 2; }
SRC=$(cd "$(dirname "$0")/.." && pwd)
. "$SRC/tests/server/serve-lib.sh"
trap 'stop_server' EXIT
start_server "$bin" "$db" --threads "$threads"
first() {
	curl -s "$BASE/api/stories?sort=$1&limit=1" |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["stories"][0]["id"])'
}
top=$(first echo) story=$(first docs)
echo "database $db, stories $top (top echo ratio) and $story (most documents), $threads server threads, $conns connections, ${secs}s each"
rss() {
	awk '/^VmRSS|^VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$SERVER_PID/status"
	echo
}
echo "memory at start: $(rss)"
sum=""
for path in "/api/stories" "/api/stories/$top" "/api/stories/$story"; do
	cold=$(curl -s -o /tmp/serve-bench.$$ -w '%{time_total}' "$BASE$path")
	sum="$sum$(cksum </tmp/serve-bench.$$ | cut -d' ' -f1) "
	bytes=$(wc -c </tmp/serve-bench.$$)
	rm -f /tmp/serve-bench.$$
	echo "== $path: $bytes bytes, first request ${cold}s"
	wrk -t2 -c"$conns" -d"${secs}s" --latency "$BASE$path" |
		grep -E 'Requests/sec|Transfer/sec|^ +(50|90|99)%|Non-2xx|Socket errors|requests in'
done
echo "memory after: $(rss)"
echo "checksum: $sum"
