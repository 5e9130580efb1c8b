# Identity and resumption: ingesting again is a no-op (duplicates only); an
# ingest killed at any moment leaves a consistent database, and running it
# again completes the work with nothing lost and nothing stored twice.

# Every fixture format once, then all of them again.
set -- "$FIX/clean.jsonl" "$FIX/array.json" "$FIX/quoted.csv" "$FIX/basic.tsv" \
	"$FIX/note.md" "$FIX/plain.txt" "$FIX/article.html" "$FIX/feed.rss" \
	"$FIX/feed.atom" "$FIX/crawl.warc" "$FIX/messy.txt" "$FIX/tree"
check "first ingest" 0 u ingest --json "$@"
same "first ingest summary" out - <<'EOF'
{"files":14,"files_failed":0,"records":23,"added":23,"duplicates":0,"rejected":0,"bytes":3228}
EOF
sqlite3 "$UNECHO_DB" "select id, text, published, outlet from documents order by doc" >first.docs
check "second ingest" 0 u ingest --json "$@"
same "second ingest: duplicates only" out - <<'EOF'
{"files":14,"files_failed":0,"records":23,"added":0,"duplicates":23,"rejected":0,"bytes":0}
EOF
check "second ingest, text summary" 0 u ingest "$@"
has "text summary: added 0" out "added       0"
has "text summary: duplicates 23" out "duplicates  23"
sqlite3 "$UNECHO_DB" "select id, text, published, outlet from documents order by doc" >again.docs
same "documents unchanged" again.docs first.docs
value "documents" "select count(*) from documents" 23
value "no id twice" "select count(*) from (select id from documents group by id having count(*) > 1)" 0
value "each text once" "select count(*) from (select hash from texts group by hash having count(*) > 1)" 0

# The same document in another container is a duplicate too.
check "compressed copies are duplicates" 0 u ingest "$FIX/clean.jsonl.gz" "$FIX/crawl.warc.gz" "$FIX/bundle.zip"
has "compressed: added 0" out "added       0"
has "compressed: duplicates" out "duplicates  11"

# The same text under other URLs and outlets: one exact-duplicate group of
# several publications, not a duplicate.
cat >wire.jsonl <<'EOF'
{"outlet": "Quay Wire", "url": "https://quaywire.example/a1", "text": "One wire text, published three times by three outlets."}
{"outlet": "Harbour Tribune", "url": "https://harbourtribune.example/wire/a1", "text": "One wire text, published three times by three outlets."}
{"outlet": "Island Courier", "url": "https://islandcourier.example/wire/a1", "text": "One wire text, published three times by three outlets."}
EOF
check "one text, three publications" 0 u ingest wire.jsonl
has "three added" out "added       3"
value "one duplicate group of three" \
	"select documents from duplicate_groups where first_doc = (select doc from documents where url = 'https://quaywire.example/a1')" 3
value "dup_group shared" \
	"select count(distinct text) || ' ' || count(*) from documents where url like '%/a1'" "1 3"

# Kill -9 during a large ingest, then resume.
python3 -c '
words = "harbour ferry quay union strike roster island mediator cargo taxi deckhand vessel".split()
for i in range(20000):
    body = " ".join(words[(i * j + j) % len(words)] for j in range(150))
    print("{\"id\": \"k%05d\", \"outlet\": \"Outlet %d\", \"text\": \"Document %d: %s.\"}" % (i, i % 7, i, body))
' >big.jsonl
UNECHO_DB=$PWD/kill.db
"$UNECHO" ingest big.jsonl >kill.out 2>&1 &
pid=$!
sleep 0.3
# On a slow machine (sanitizers) wait for the first batch to be committed,
# so that the kill lands between batches of a partly stored file.
n=0
while [ $n -lt 100 ] && kill -0 "$pid" 2>/dev/null &&
	[ "$(sqlite3 "$UNECHO_DB" "select count(*) from documents" 2>/dev/null)" = 0 ]; do
	sleep 0.1
	n=$((n+1))
done
if kill -9 "$pid" 2>/dev/null; then
	killed=1
else
	killed=0   # finished first (a very fast machine): resume is then a no-op
fi
wait "$pid" 2>/dev/null
value "after kill: integrity" "pragma integrity_check" "ok"
value "after kill: foreign keys" "pragma foreign_key_check" ""
partial=$(sqlite3 "$UNECHO_DB" "select count(*) from documents")
if [ "$killed" = 1 ] && [ "$partial" -gt 0 ]; then
	value "after kill: a partial ingest" "select $partial < 20000" 1
	value "after kill: the file is still running" "select status from ingest_files" "running"
fi
value "after kill: every document has its text" \
	"select count(*) from documents where text not in (select id from texts)" 0
check "resume" 0 u ingest big.jsonl
has "resume: nothing rejected" out "rejected    0"
has "resume: the rest added" out "added       $((20000 - partial))"
has "resume: the stored ones are duplicates" out "duplicates  $partial"
value "resumed: exactly 20000 documents" "select count(*) from documents" 20000
value "resumed: no id stored twice" "select count(distinct id) from documents" 20000
value "resumed: every id" \
	"select count(*) from documents where id between 'k00000' and 'k19999'" 20000
value "resumed: 20000 texts" "select count(*) from texts" 20000
value "resumed: integrity" "pragma integrity_check" "ok"
if [ "$killed" = 1 ] && [ "$partial" -gt 0 ]; then
	value "resumed: the killed run marked interrupted" \
		"select group_concat(status, ' ') from ingest_files order by id" "interrupted done"
fi
check "again after resume" 0 u ingest big.jsonl
has "nothing left to add" out "added       0"
value "still 20000" "select count(*) from documents" 20000
