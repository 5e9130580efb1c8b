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

# Text reuse on METER: document classes and reused words.
if [ -f "$data/meter-showbiz/meter-showbiz.jsonl" ]; then
	python3 eval/meter.py "$bin" "$data" "$work" --min-macro-f1 0.50 ||
		fail "meter"
fi

# Stories: B-cubed F1 against BASIL's events and METER's stories.
python3 eval/stories.py "$bin" "$data" "$work" --min-f1 0.86 || fail "stories"

# Attribution on PolNeAR's dev split: span P/R/F1 by role, exact and
# overlapping; the targets (cue 0.75, source 0.70, content 0.65) are met.
python3 eval/polnear.py "$bin" "$data" --split dev --min-cue-f1 0.745 \
	--min-source-f1 0.70 --min-content-f1 0.74 ||
	fail "polnear"

# Stance on FNC-1 (the dissent part of SPEC 4.6): the labelled pairs split
# by body into a tuning half and a held-out half; the FNC-1 score relative
# to the maximum on the held-out half (target 0.80).
python3 eval/fnc1.py "$bin" "$data/fnc1" --min-score 0.81 || fail "fnc1"

# Text reuse on AllSides: the silver wire-copy pairs.  AllSides names some
# sources after people or columns ("Guest Writer - Right") on the sites of
# known outlets; unecho counts those as the outlet itself, so by default the
# recall is asserted on the pairs between two outlets as unecho resolves
# them, and with --same-outlet on all of them (target 0.95).
as="$work/allsides.db"
if [ -f "$as" ]; then
	"$bin" --db "$as" analyze >/dev/null &&
		python3 eval/allsides.py "$bin" "$as" "$data" --min-recall 0.93 ||
		fail "allsides"
	"$bin" --db "$as" analyze --same-outlet >/dev/null &&
		echo "eval: allsides with --same-outlet:" &&
		python3 eval/allsides.py "$bin" "$as" "$data" --same-outlet \
			--min-recall 0.93 ||
		fail "allsides --same-outlet"
fi

# Benchmarks.
if [ -f "$data/allsides/allsides.jsonl.gz" ]; then
	"$build/bench/bench_ingest" --db "$work/bench.db" \
		"$data/allsides/allsides.jsonl.gz" || fail "bench_ingest"
	"$build/bench/bench_reuse" --threads 2 --scale 4 --repeat 2 --work "$work" \
		"$data/allsides/allsides.jsonl.gz" || fail "bench_reuse"
	"$build/bench/bench_reuse" --threads 2 --all-stages --work "$work" \
		"$data/allsides/allsides.jsonl.gz" || fail "bench_reuse --all-stages"
fi
[ $status -eq 0 ] && echo "eval: all assertions passed"
exit $status
