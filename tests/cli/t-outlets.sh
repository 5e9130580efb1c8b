# `unecho outlets`: the built-in registry, outlets seen in documents but
# unknown to it, and imports from users' files (SPEC §3.2).
EXP="$SRC/tests/cli/expected"

# The built-in registry: at least 200 outlets, the wires among them.
check "outlets --json" 0 u outlets --json
value "at least 200 built-in outlets" "select $(wc -l <out) >= 200" 1
value "all known" "select $(grep -c '"known":false' out)" 0
has "Reuters" out '{"name":"Reuters","domains":["reuters.com"],"country":"GB","bloc":"Western","type":"wire",'
for wire in '"AP"' '"AFP"' '"Reuters"' '"dpa"' '"EFE"' '"ANSA"' '"Kyodo News"' '"Yonhap News Agency"' \
	'"TASS"' '"RIA Novosti"' '"Interfax"' '"Xinhua"' '"KCNA"' '"Ukrinform"' '"UNIAN"'; do
	grep -F "$wire" out | grep -q '"type":"wire"' || {
		echo "  FAIL built-in wire $wire missing"
		fails=$((fails+1))
	}
done

# Outlets seen in documents but not in the registry: known false, bloc
# unknown, with their documents; the feed's outlet resolves by domain.
check "ingest" 0 u ingest -q "$FIX/clean.jsonl" "$FIX/note.md" "$FIX/feed.rss" "$FIX/crawl.warc"
check "outlets --json with documents" 0 u outlets --json
grep '"known":false' out >unknown.out
same "unknown outlets listed" unknown.out - <<'EOF2'
{"name":"Harbour Tribune","domains":["harbourtribune.example"],"country":null,"bloc":"unknown","type":null,"state_affiliated":null,"owner":null,"language":null,"aliases":["harbourtribune.example"],"known":false,"documents":1}
{"name":"Island Courier","domains":["islandcourier.example"],"country":null,"bloc":"unknown","type":null,"state_affiliated":null,"owner":null,"language":null,"aliases":["islandcourier.example"],"known":false,"documents":3}
{"name":"Kessling Evening Post","domains":["eveningpost.example"],"country":null,"bloc":"unknown","type":null,"state_affiliated":null,"owner":null,"language":null,"aliases":["eveningpost.example"],"known":false,"documents":1}
EOF2
has "Reuters has its documents" out '"known":true,"documents":2}'
value "seen outlets stored" "select group_concat(name, '|') from (select name from outlets where source = 'seen' order by name)" \
	"Harbour Tribune|Island Courier|Kessling Evening Post"
check "stats before import" 0 u stats --json
has "three unknown outlets" out '"unknown_outlets":3'
check "outlets table" 0 u outlets
has "table header" out "NAME"
has "table: unknown outlet" out "Island Courier"
check "outlets --csv" 0 u outlets --csv
has "csv header" out "name,country,bloc,type,known,documents,domains"
has "csv row" out "Reuters,GB,Western,wire,true,2,reuters.com"

# A Media Bias/Fact Check style CSV (domain names, country names, media
# types): ISO codes, types mapped, documents' outlets merged into the entries.
check "import mbfc-style csv" 0 u outlets import --map name=source,type=media_type "$FIX/outlet-ratings-sample.csv"
same "import summary" out - <<'EOF2'
imported 6 outlets
EOF2
same "import: nothing on stderr" err /dev/null
check "outlets --json after import" 0 u outlets --json
grep '\.example"' out >imported.out
same "imported outlets" imported.out "$EXP/outlets-import.jsonl"
value "one unknown outlet left (Kessling Evening Post)" "select $(grep -c '"known":false' out)" 1
value "imported rows" "select count(*) from outlets where source = 'import'" 6
value "one seen row left" "select count(*) from outlets where source = 'seen'" 1
check "docs after import" 0 u docs --json --outlet harbourtribune.example
has "document resolved to the imported outlet" out '"id":"kf-002","outlet":"harbourtribune.example","bloc":"Western","country":"GB","outlet_type":"other"'
check "docs by the name documents used" 0 u docs --json --outlet "Island Courier"
value "alias still finds the documents" "select $(wc -l <out)" 3

# A file with every field; country by name; "state broadcaster" -> state.
printf 'name\tdomains\tcountry\ttype\tstate_affiliated\towner\tlanguage\taliases\n' >full.tsv
printf 'Kessling Evening Post\teveningpost.example;kep.example\tNorway\tprivate\tno\tEvening Post Media AS\tno\tKEP;The Evening Post\n' >>full.tsv
printf 'Quay State Radio\tquayradio.example\tRU\tstate broadcaster\tyes\tGovernment of Russia\tru\tQSR\n' >>full.tsv
check "import tsv" 0 u outlets import full.tsv
has "tsv import summary" out "imported 2 outlets"
check "outlets after tsv import" 0 u outlets --json
grep -e '"name":"Kessling Evening Post"' -e '"name":"Quay State Radio"' out >full.out
same "tsv outlets" full.out - <<'EOF2'
{"name":"Kessling Evening Post","domains":["eveningpost.example","kep.example"],"country":"NO","bloc":"Western","type":"private","state_affiliated":false,"owner":"Evening Post Media AS","language":"no","aliases":["eveningpost.example","KEP","kep.example","The Evening Post"],"known":true,"documents":1}
{"name":"Quay State Radio","domains":["quayradio.example"],"country":"RU","bloc":"Russian","type":"state","state_affiliated":true,"owner":"Government of Russia","language":"ru","aliases":["QSR","quayradio.example"],"known":true,"documents":0}
EOF2
check "stats after imports" 0 u stats --json
has "no unknown outlets" out '"unknown_outlets":0'
has "all Western now" out '"blocs":{"Western":7}'

# Bad rows are reported as file:line: reason and skipped (exit 1).
printf 'name\tcountry\ttype\nGood Outlet\tFR\tprivate\nBad Outlet\tAtlantis\tprivate\n\tDE\twire\n' >bad.tsv
check "bad rows" 1 u outlets import bad.tsv
same "bad rows summary" out - <<'EOF2'
imported 1 outlets, rejected 2 rows
EOF2
same "bad rows messages" err - <<'EOF2'
unecho: bad.tsv:3: unknown country 'Atlantis'
unecho: bad.tsv:4: no outlet name
EOF2
value "the good row imported" "select country from outlets where name = 'Good Outlet'" "FR"

# Usage errors (exit 2).
check "--map of a missing column" 2 u outlets import --map name=nosuch bad.tsv
has "missing column message" err "--map names column 'nosuch', which the file does not have"
check "missing file" 2 u outlets import nosuch.csv
has "missing file message" err "nosuch.csv: No such file or directory"
check "import without a file" 2 u outlets import
has "no file message" err "unecho: outlets import needs one FILE"
check "two files" 2 u outlets import bad.tsv full.tsv
check "unknown argument" 2 u outlets frobnicate
has "unknown argument message" err "unecho: outlets: unknown argument 'frobnicate'"
check "unknown option" 2 u outlets --bogus
check "outlets --help" 0 u outlets --help
has "outlets usage" out "usage: unecho outlets [--json|--csv]"

# The real Media Bias/Fact Check file, when ../shared/data is present.
mbfc="$SRC/../shared/data/outlets/idiap/mbfc.csv"
if [ -f "$mbfc" ]; then
	UNECHO_DB=$PWD/mbfc.db
	check "import mbfc.csv" 1 u outlets import --map name=source,type=media_type "$mbfc"
	value "most of mbfc.csv imported" "select count(*) > 4000 from outlets where source = 'import'" 1
	has "mbfc summary" out "imported "
fi
