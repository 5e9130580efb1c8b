#!/bin/sh
# Browser tests of the HTML report: the reports of the demo corpus and of
# a hostile one (tests/fixtures/hostile.jsonl, with a hostile workbench),
# opened from disk in headless Chromium by check-report.js, which fails on
# any console error, request or sign that corpus text ran.  Exit 77 (skipped) without Node, playwright-core
# or Chromium; CI installs them (tools/install-deps.sh --browser).
#
#   report.sh /path/to/unecho
set -u
UNECHO=$1
SRC=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v node >/dev/null 2>&1; then
	echo "SKIP: no node"
	exit 77
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
D="$SRC/data/demo"
set -e
"$UNECHO" --db "$dir/demo.db" outlets import "$D/outlets.tsv" >/dev/null
"$UNECHO" --db "$dir/demo.db" ingest -q "$D/reports.jsonl" "$D/html" \
	"$D/feeds" "$D/rheinwelle-nato-kursk.md" >/dev/null
"$UNECHO" --db "$dir/demo.db" analyze >/dev/null
"$UNECHO" --db "$dir/demo.db" workbench import "$D/workbench.json" >/dev/null
"$UNECHO" --db "$dir/demo.db" report -o "$dir/demo.html" 2>/dev/null
"$UNECHO" --db "$dir/hostile.db" ingest -q "$SRC/tests/fixtures/hostile.jsonl" >/dev/null
"$UNECHO" --db "$dir/hostile.db" analyze >/dev/null
"$UNECHO" --db "$dir/hostile.db" workbench import \
	"$SRC/tests/fixtures/hostile-workbench.json" >/dev/null
"$UNECHO" --db "$dir/hostile.db" report -o "$dir/hostile.html" 2>/dev/null
set +e
status=0
for report in demo hostile; do
	node "$SRC/tests/browser/check-report.js" "$dir/$report.html"
	rc=$?
	[ $rc -eq 77 ] && exit 77
	[ $rc -ne 0 ] && status=1
done
exit $status
