#!/bin/sh
# The evaluation and benchmark suite on ../shared/data (the real, labelled
# corpora; never part of the repository).  Prints figures and asserts the
# ones that have reached their targets, with a small margin.
#   tools/eval.sh BUILD [bench]
build=${1:-build}
data=${UNECHO_DATA:-$(cd "$(dirname "$0")/.." && pwd)/../shared/data}
if [ ! -d "$data" ]; then
	echo "eval: $data is absent: no evaluation or benchmark run (passing)"
	exit 0
fi
data=$(cd "$data" && pwd)
bin=$(pwd)/$build/unecho
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "eval: FAIL: $*"; status=1; }

# Ingest every JSON Lines file of the data folder: document counts.
for f in "$data"/*/*.jsonl "$data"/*/*.jsonl.gz; do
	[ -f "$f" ] || continue
	name=$(basename "$(dirname "$f")")
	db="$work/$name.db"
	"$bin" --db "$db" ingest -q --json "$f" >"$work/$name.json" || true
	docs=$("$bin" --db "$db" stats --json | sed 's/.*"documents":\([0-9]*\).*"distinct_texts":\([0-9]*\).*/\1 \2/')
	echo "eval: ingest $name: $(cat "$work/$name.json"); documents, distinct texts: $docs"
done
kcna=$("$bin" --db "$work/kcna-2024.db" stats --json)
echo "$kcna" | grep -q '"documents":1840,"distinct_texts":1039,' ||
	fail "kcna-2024 should give 1840 documents and 1039 distinct texts: $kcna"

# Benchmarks.
if [ -f "$data/allsides/allsides.jsonl.gz" ]; then
	"$build/bench/bench_ingest" --db "$work/bench.db" \
		"$data/allsides/allsides.jsonl.gz" || fail "bench_ingest"
fi
[ $status -eq 0 ] && echo "eval: all assertions passed"
exit $status
