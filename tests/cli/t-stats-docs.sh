# `unecho stats` and `unecho docs`: the corpus of basic.jsonl (w1 and c1
# share one text), clean.jsonl and array.json.
EXP="$SRC/tests/cli/expected"

# An empty database.
check "stats of nothing" 0 u stats --json
same "empty stats" out - <<'EOF2'
{"documents":0,"distinct_texts":0,"duplicate_groups":0,"outlets":0,"blocs":{},"languages":{},"first":null,"last":null,"undated":0,"unknown_outlets":0,"bytes":0}
EOF2
check "docs of nothing" 0 u docs --json
same "no documents" out /dev/null

cp "$FIX/basic.jsonl" .
check "ingest" 1 u ingest -q basic.jsonl "$FIX/clean.jsonl" "$FIX/array.json"

# 10 documents, 9 texts (w1 = c1), 6 outlets with documents (Reuters, NYT,
# Mystery Gazette, Novaya Gazeta, Harbour Tribune, TASS), blocs Western 4
# (Reuters x3, NYT), unknown 4 (Mystery, Harbour Tribune x3), Russian 2
# (Novaya Gazeta, TASS); undated: the unparsable date and arr-3; bytes of
# every publication's text (w1 and c1 count twice: 1306 + 132).
check "stats --json" 0 u stats --json
same "stats --json" out "$EXP/stats.json"
check "stats" 0 u stats
same "stats table" out "$EXP/stats.txt"
value "stats bytes = stored text of all documents" \
	"select sum(t.bytes) from documents d join texts t on t.id = d.text" 1438
value "stats distinct_texts" "select count(*) from texts" 9
value "stats duplicate_groups" "select count(*) from duplicate_groups" 1

# docs --json: every document, in ingest order, documented fields.
check "docs --json" 0 u docs --json
python3 -c '
import json, sys
want = ["id", "outlet", "bloc", "country", "outlet_type", "url", "title",
        "author", "published", "language", "bytes", "dup_group"]
for line in open("out"):
    keys = list(json.loads(line))
    missing = [k for k in want if k not in keys]
    if missing or "text" in keys:
        print("bad keys:", keys)
' >keys.out
same "docs --json fields (no text without --text)" keys.out /dev/null
u docs --json | sed 's/"text":.*//' | cut -d, -f1 >ids.out
printf '{"id":"%s"\n' w1 c1 udfb122ecb9244af3 hf649345caf9cac89 kf-001 kf-002 kf-003 arr-1 arr-2 arr-3 >ids.want
same "ingest order" ids.out ids.want
check "docs --json --text" 0 u docs --json --text
value "every document with its text" "select $(grep -c '"text":"' out)" 10
check "docs --csv" 0 u docs --csv
same "docs --csv" out "$EXP/docs.csv"
check "docs table" 0 u docs
has "docs table header" out "ID"
has "docs table header" out "OUTLET"
has "docs table row" out "Kessling ferry strike enters second day"

# Filters.
u docs --json --outlet Reuters | cut -d, -f1 >f.out
printf '{"id":"%s"\n' w1 kf-001 kf-003 >f.want
same "--outlet Reuters" f.out f.want
u docs --json --outlet reuters | cut -d, -f1 >f.out
same "--outlet is case-insensitive" f.out f.want
u docs --json --outlet "Новая газета" | cut -d, -f1 >f.out
printf '{"id":"%s"\n' hf649345caf9cac89 >f.want
same "--outlet by alias" f.out f.want
u docs --json --outlet "Harbour Tribune" | cut -d, -f1 >f.out
printf '{"id":"%s"\n' kf-002 arr-2 arr-3 >f.want
same "--outlet of an unknown outlet" f.out f.want
u docs --json --bloc Russian | cut -d, -f1 >f.out
printf '{"id":"%s"\n' hf649345caf9cac89 arr-1 >f.want
same "--bloc Russian" f.out f.want
u docs --json --bloc unknown | cut -d, -f1 >f.out
printf '{"id":"%s"\n' udfb122ecb9244af3 kf-002 arr-2 arr-3 >f.want
same "--bloc unknown" f.out f.want
u docs --json --bloc Western --outlet "The New York Times" | cut -d, -f1 >f.out
printf '{"id":"%s"\n' c1 >f.want
same "--bloc and --outlet" f.out f.want
u docs --json --bloc Chinese >f.out
same "--bloc without documents" f.out /dev/null
check "--doc c1 --text" 0 u docs --doc c1 --json --text
same "--doc c1" out - <<'EOF2'
{"id":"c1","outlet":"The New York Times","bloc":"Western","country":"US","outlet_type":"private","url":"https://www.nytimes.com/2024/10/18/world/asia/nk.html","title":"Seoul says Pyongyang sent troops","author":null,"published":"2024-10-18T10:00:00Z","language":"en","bytes":132,"dup_group":1,"reuse_fraction":null,"reuse_class":null,"reuse_sources":[],"near_dup_group":null,"story":null,"text":"SEOUL, Oct 18 (Reuters) - North Korea has sent about 1,500 special forces troops to Russia, South Korea's spy agency said on Friday."}
EOF2

# Usage errors.
check "stats: unknown option" 2 u stats --bogus
has "stats: message" err "unecho: stats: unknown option '--bogus'"
check "docs: unknown option" 2 u docs --bogus
check "docs: extra argument" 2 u docs extra
has "docs: message" err "unecho: docs: unexpected argument 'extra'"
check "docs --help" 0 u docs --help
has "docs usage" out "usage: unecho docs"
check "stats --help" 0 u stats --help
has "stats usage" out "usage: unecho stats"
