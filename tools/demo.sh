#!/bin/sh
# demo.sh - builds a fresh demo database from the bundled illustrative corpus
# (data/demo/) and shows what it holds.  Called by `make demo` as
#   tools/demo.sh build/unecho
# Paths are relative to the repository root; the database is build/demo.db
# (or $DEMO_DB).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/unecho}
case $bin in
/*) ;;
*) bin=$(pwd)/$bin ;;
esac
cd "$root"
if [ ! -x "$bin" ]; then
	echo "demo: $bin is not built; run 'make build' first" >&2
	exit 2
fi
db=${DEMO_DB:-build/demo.db}
mkdir -p "$(dirname "$db")"
rm -f "$db" "$db-wal" "$db-shm" "$db-journal"

# The database is named on every command line: an exported $UNECHO_DB must
# not send the demo elsewhere.
run() {
	"$bin" --db "$db" "$@"
}

step() {
	printf '\n== %s\n' "$*"
}

step "unecho --db $db outlets import data/demo/outlets.tsv"
run outlets import data/demo/outlets.tsv

# The corpus: reports, article pages, feeds and Markdown; not the registry
# (outlets.tsv), the ground truth (truth.tsv) or the README.
set -- data/demo/reports.jsonl data/demo/html data/demo/feeds
for f in data/demo/*.md; do
	[ "$f" = data/demo/README.md ] || set -- "$@" "$f"
done
step "unecho --db $db ingest $*"
run ingest "$@"

step "unecho --db $db analyze"
run analyze

step "unecho --db $db stats"
run stats

step "unecho --db $db stories"
run stories

step "unecho --db $db claims   (the ten most reported)"
run claims | head -n 11

step "unecho --db $db origins   (the ten most reported)"
run origins | head -n 11

# The analyst's workbench: an ACH matrix whose evidence is drawn from the
# claims above, a Key Assumptions Check and Pyongyang's actor model.
step "unecho --db $db workbench import data/demo/workbench.json"
run workbench import data/demo/workbench.json

step "unecho --db $db ach show 1   (evidence collapsed by origin; echo inflation)"
run ach show 1

step "unecho --db $db assumptions"
run assumptions

step "unecho --db $db actor show Pyongyang   (the mirror-image gap)"
run actor show Pyongyang

report=${db%.db}-report.html
step "unecho --db $db report -o $report"
run report -o "$report"

printf '\nThe echo report: %s\n' "$root/$report"
printf 'Open it in a browser: it is one file and needs no network.\n'

# Commands to try next, as typed from the repository root.
show=${bin#"$root"/}
printf '\nThe demo database is %s. What next (from %s):\n' "$db" "$root"
hint() {
	printf '  %-52s %s\n' "$show --db $db $1" "$2"
}
hint "docs" "every document: outlet, bloc, date, language"
hint "docs --bloc Russian" "one bloc's documents (--text adds the texts)"
hint "reuse" "who copied whom, passage by passage"
hint "claims --claim 1 --json" "the top claim: every report, its origin and chain"
hint "claims --story 4" "one story's claims"
hint "attributions --doc demo-001" "who said what in one document"
hint "coverage --blindspots --min-expected 2" "blocs silent on a story"
hint "framing --a bloc=Russian --b bloc=Western" "the words of one side against the other"
hint "report -o report.json" "everything, as JSON (or .md for Markdown)"
hint "outlets" "the outlet registry, with the unknown outlets"
hint "ach show 1 --json" "the ACH matrix: scores, inflation, sensitivity"
hint "workbench export -o wb.json" "the workbench, to edit and import again"
printf '  %-52s %s\n' "sqlite3 $db" "query it directly (docs/schema.md)"
echo "The corpus is illustrative (fictional outlets, real origins): data/demo/README.md"
