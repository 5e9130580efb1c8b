# Ingest of every input format (SPEC §3.1): each fixture in its own
# database, `docs --json --text` compared with tests/cli/expected/.
EXP="$SRC/tests/cli/expected"

# lacks DESCRIPTION FILE TEXT: FILE does not contain TEXT.
lacks() {
	if grep -qF -- "$3" "$2"; then
		echo "  FAIL $1: $2 contains \"$3\""
		grep -F -- "$3" "$2" | head -n 3 | sed "s/^/    $2: /"
		fails=$((fails+1))
	fi
}

# fresh NAME: the following commands (and `value`) use a new NAME.db.
fresh() {
	UNECHO_DB=$PWD/$1.db
	rm -f "$UNECHO_DB" "$UNECHO_DB-wal" "$UNECHO_DB-shm"
}

# docs_of NAME EXPECTED INGEST-ARGS...: ingests into a fresh NAME.db (exit 0,
# nothing on stderr) and compares its documents with EXPECTED.
docs_of() {
	d_name=$1 d_exp=$2; shift 2   # (check sets $want)
	fresh "$d_name"
	check "ingest $d_name" 0 u ingest "$@"
	same "ingest $d_name: no messages without a terminal" err /dev/null
	u docs --json --text >"$d_name.docs"
	same "docs of $d_name" "$d_name.docs" "$d_exp"
}

# JSON Lines with every alias (source/link/headline/byline/date/body,
# publisher/published_at/lang/articleBody); other keys kept as metadata.
docs_of jsonl "$EXP/jsonl.jsonl" "$FIX/clean.jsonl"
has "jsonl summary" out "added       3"
value "jsonl metadata kept" \
	"select meta from documents where id = 'kf-002'" \
	'{"section":"local","tags":["transport", "labour"]}'
value "jsonl language given, not detected" \
	"select group_concat(id || '=' || language_detected, ' ') from documents" \
	"kf-001=0 kf-002=1 kf-003=0"
value "jsonl format logged" "select format || ' ' || status from ingest_files" "jsonl done"

# A JSON array of objects.
docs_of array "$EXP/array.jsonl" "$FIX/array.json"
value "array undated flagged" "select count(*) from documents where published is null" 1

# CSV: quoted fields with commas, doubled quotes and line breaks, CRLF.
docs_of csv "$EXP/csv.jsonl" "$FIX/quoted.csv"
value "csv record numbers are lines" \
	"select group_concat(id || ':' || record, ' ') from documents" "q-1:2 q-2:5 q-3:6"

# CSV with other column names and --map; unmapped columns kept as metadata.
docs_of map "$EXP/map.jsonl" \
	--map id=story_id,outlet=site,title=headline_text,text=body_text,published=when \
	"$FIX/mapped.csv"
value "map: other columns kept" \
	"select group_concat(meta, ' ') from documents" '{"desk":"labour"} {"desk":"islands"}'
fresh nomap
check "csv without --map and no text column" 2 u ingest "$FIX/mapped.csv"
has "no text column named" err "no text column in header (columns: story_id, site, headline_text, body_text, when, desk); use --map text=COLUMN"

# TSV with a header.
docs_of tsv "$EXP/tsv.jsonl" "$FIX/basic.tsv"
value "tsv format logged" "select format from ingest_files" "tsv"
value "tsv: unknown column kept" "select group_concat(meta, ' ') from documents" '{"site":"Reuters"} {"site":"TASS"}'
docs_of tsvmap "$EXP/tsv-map.jsonl" --map outlet=site "$FIX/basic.tsv"
value "tsv --map: mapped column not in metadata" "select count(*) from documents where meta is not null" 0

# Markdown with --- front matter (extra keys kept as metadata).
docs_of markdown "$EXP/markdown.jsonl" "$FIX/note.md"
value "front matter metadata" "select meta from documents" '{"desk":"opinion"}'

# Plain text: the whole file is one document, id from its content.
docs_of text "$EXP/text.jsonl" "$FIX/plain.txt"

# HTML article page: metadata from meta tags and JSON-LD, boilerplate gone.
docs_of html "$EXP/html.jsonl" "$FIX/article.html"
lacks "html boilerplate removed" html.docs "BOILERPLATE"
lacks "html: no cookie banner" html.docs "cookies"
lacks "html: no related links" html.docs "Related articles"
has "html keeps the article" html.docs "Nobody wins a long strike"

# RSS 2.0: content:encoded preferred over description.
docs_of rss "$EXP/rss.jsonl" "$FIX/feed.rss"
lacks "rss: content:encoded preferred" rss.docs "SHORT-DESCRIPTION"
has "rss: description when alone" rss.docs "Shops on the outer islands restocked"

# Atom: escaped HTML content preferred over summary.
docs_of atom "$EXP/atom.jsonl" "$FIX/feed.atom"
lacks "atom: content preferred" atom.docs "SHORT-SUMMARY"
value "atom format logged" "select format from ingest_files" "rss"

# WARC: the HTML 200 response only (not the request, warcinfo or the 404);
# URL from WARC-Target-URI.
docs_of warc "$EXP/warc.jsonl" "$FIX/crawl.warc"
lacks "warc: boilerplate removed" warc.docs "BOILERPLATE"
lacks "warc: no 404 page" warc.docs "Not Found"
value "warc: one record kept" "select records || ' ' || added || ' ' || rejected from ingest_files" "1 1 0"

# HTML whose metadata is only in a JSON-LD block.
cat >ld.html <<'EOF2'
<html><head><title>Site | Page</title>
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"JSON-LD only headline","datePublished":"2025-03-12T08:00:00+02:00","author":[{"@type":"Person","name":"Ada Quill"}],"publisher":{"@type":"Organization","name":"Quay Wire"},"mainEntityOfPage":{"@id":"https://quaywire.example/ld-only"},"inLanguage":"en"}
</script></head>
<body><div class="menu">Menu things</div><article><p>The only paragraph of a page whose metadata lives in a JSON-LD block and nowhere else.</p></article></body></html>
EOF2
cat >ld.want <<'EOF2'
{"id":"u3ea6accc91cd2166","outlet":"Quay Wire","bloc":"unknown","country":null,"outlet_type":null,"url":"https://quaywire.example/ld-only","title":"JSON-LD only headline","author":"Ada Quill","published":"2025-03-12T06:00:00Z","language":"en","bytes":86,"dup_group":null,"reuse_fraction":null,"reuse_class":null,"reuse_sources":[],"near_dup_group":null,"story":null,"text":"The only paragraph of a page whose metadata lives in a JSON-LD block and nowhere else."}
EOF2
docs_of jsonld ld.want ld.html

# RSS 1.0 (RDF) with Dublin Core date and creator.
cat >rdf.rss <<'EOF2'
<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example/"><title>RDF Harbour</title><link>https://rdf.example/</link><description>x</description></channel>
<item rdf:about="https://rdf.example/1"><title>RSS one item</title><link>https://rdf.example/1</link><description>An RSS 1.0 item about the harbour and its ferries.</description><dc:date>2025-03-12T10:00:00Z</dc:date><dc:creator>Pat Rowe</dc:creator></item>
</rdf:RDF>
EOF2
cat >rdf.want <<'EOF2'
{"id":"u6e1b04540438e5e4","outlet":"RDF Harbour","bloc":"unknown","country":null,"outlet_type":null,"url":"https://rdf.example/1","title":"RSS one item","author":"Pat Rowe","published":"2025-03-12T10:00:00Z","language":"en","bytes":50,"dup_group":null,"reuse_fraction":null,"reuse_class":null,"reuse_sources":[],"near_dup_group":null,"story":null,"text":"An RSS 1.0 item about the harbour and its ferries."}
EOF2
docs_of rdf rdf.want rdf.rss

# Invalid UTF-8, CRLF, control characters and a decomposed accent in a text
# file with front matter: repaired, never rejected.
docs_of messy "$EXP/messy.jsonl" "$FIX/messy.txt"
r=$(printf '\357\277\275')   # U+FFFD
printf 'The caf\303\251 on the quay reopened.\nBroken bytes: %s%s and %s end.\nBell, escape, backspace and a\ttab stay out except the tab.\nLast line.' \
	"$r" "$r" "$r" >messy.want
value "messy: NFC, U+FFFD, LF, controls gone, tab kept" \
	"select hex(text) from texts" \
	"$(od -An -tx1 messy.want | tr -d ' \n' | tr a-f A-F)"
value "messy: title cleaned" "select title from documents" "Café menu"

# Compressed files give the same documents as the plain file.
docs_of gz "$EXP/jsonl.jsonl" "$FIX/clean.jsonl.gz"
docs_of xz "$EXP/jsonl.jsonl" "$FIX/clean.jsonl.xz"
docs_of zst "$EXP/jsonl.jsonl" "$FIX/clean.jsonl.zst"
docs_of warcgz "$EXP/warc.jsonl" "$FIX/crawl.warc.gz"
value "warc.gz per-record gzip" "select format || ' ' || added from ingest_files" "warc 1"

# Archives: every member is read, logged as archive:member.
cat "$EXP/html.jsonl" "$EXP/atom.jsonl" "$EXP/markdown.jsonl" >tar.want
docs_of tar tar.want "$FIX/bundle.tar.gz"
has "tar summary: three members" out "files       3"
sqlite3 "$UNECHO_DB" "select path, format, added from ingest_files" | sed "s|^$FIX/||" >tar.files
printf '%s\n' 'bundle.tar.gz:bundle/article.html|html|1' \
	'bundle.tar.gz:bundle/feed.atom|rss|2' \
	'bundle.tar.gz:bundle/note.md|markdown|1' >tar.files.want
same "tar members logged" tar.files tar.files.want

cat "$EXP/csv.jsonl" "$EXP/text.jsonl" "$EXP/array.jsonl" >zip.want
docs_of zip zip.want "$FIX/bundle.zip"
sqlite3 "$UNECHO_DB" "select path, format, added from ingest_files" | sed "s|^$FIX/||" >zip.files
printf '%s\n' 'bundle.zip:quoted.csv|csv|3' 'bundle.zip:plain.txt|text|1' \
	'bundle.zip:sub/array.json|jsonl|3' >zip.files.want
same "zip members logged" zip.files zip.files.want

# Other containers, made here: .bz2, plain .tar, .tar.xz, and a zip inside
# a tar.gz (archive:member:member).
python3 -c 'import bz2, sys; sys.stdout.buffer.write(bz2.compress(open(sys.argv[1], "rb").read()))' \
	"$FIX/clean.jsonl" >clean.jsonl.bz2
docs_of bz2 "$EXP/jsonl.jsonl" clean.jsonl.bz2
mkdir members
cp "$FIX/note.md" "$FIX/plain.txt" "$FIX/bundle.zip" members/
tar -C members -cf plain.tar note.md plain.txt
tar -C members -cJf plain.tar.xz note.md plain.txt
tar -C members -czf nested.tar.gz bundle.zip
cat "$EXP/markdown.jsonl" "$EXP/text.jsonl" >tar2.want
docs_of tarplain tar2.want plain.tar
docs_of tarxz tar2.want plain.tar.xz
docs_of nested zip.want nested.tar.gz
value "nested members logged" "select group_concat(path, ' ') from ingest_files" \
	"nested.tar.gz:bundle.zip:quoted.csv nested.tar.gz:bundle.zip:plain.txt nested.tar.gz:bundle.zip:sub/array.json"

# Formats are detected from content, not from the file name.
cp "$FIX/article.html" page.txt
cp "$FIX/feed.rss" feed.dat
cp "$FIX/clean.jsonl" lines.csv
fresh detect
check "detect from content" 0 u ingest page.txt feed.dat lines.csv
value "detected formats" \
	"select group_concat(path || '=' || format || ':' || added, ' ') from ingest_files" \
	"page.txt=html:1 feed.dat=rss:2 lines.csv=jsonl:3"

# --format forces a format.
fresh forced
check "--format text" 0 u ingest --format text "$FIX/clean.jsonl"
value "--format text: one document" "select count(*) from documents" 1
value "--format text: logged" "select format from ingest_files" "text"
value "--format text: the whole file is the text" "select text from texts" "$(cat "$FIX/clean.jsonl")"
fresh forced2
check "--format jsonl on text" 1 u ingest --format jsonl "$FIX/plain.txt"
has "--format jsonl rejects lines" err "plain.txt:1: invalid JSON at column 1: expected a JSON object"
fresh forced3
check "--format json alias" 0 u ingest --format json "$FIX/array.json"
value "--format json" "select count(*) from documents" 3
fresh forced4
check "--format bogus" 2 u ingest --format bogus "$FIX/clean.jsonl"
has "--format bogus message" err "unknown format 'bogus' (formats: jsonl, csv, tsv, text, markdown, html, rss, warc)"

# '-' reads standard input, also compressed and archived.
fresh stdin
check "stdin" 0 sh -c '"$UNECHO" ingest - <"$FIX/clean.jsonl"'
has "stdin summary" out "added       3"
check "stdin gz" 0 sh -c '"$UNECHO" ingest - <"$FIX/clean.jsonl.gz"'
has "stdin gz: duplicates" out "duplicates  3"
check "stdin tar.gz" 0 sh -c '"$UNECHO" ingest - <"$FIX/bundle.tar.gz"'
value "stdin logged as -" \
	"select group_concat(path || '=' || format, ' ') from ingest_files" \
	"-=jsonl -=jsonl -:bundle/article.html=html -:bundle/feed.atom=rss -:bundle/note.md=markdown"
value "stdin documents" "select count(*) from documents" 7

# Folders are searched recursively, in name order, hidden entries skipped.
fresh tree
check "folder" 0 u ingest "$FIX/tree"
has "folder summary" out "files       3"
sqlite3 "$UNECHO_DB" "select path, format from ingest_files order by id" | sed "s|^$FIX/||" >tree.files
printf '%s\n' 'tree/a.jsonl|jsonl' 'tree/sub/b.md|markdown' 'tree/sub/deeper/c.txt|text' >tree.files.want
same "folder walk" tree.files tree.files.want
value "hidden file skipped" "select count(*) from documents where id = 'tree-hidden'" 0
value "folder documents" "select group_concat(coalesce(title, '-'), ',') from documents" "Tree A,Tree B,-"

# Several paths of several formats in one run, --json summary.
fresh mixed
check "mixed run" 0 u ingest --json "$FIX/clean.jsonl" "$FIX/feed.rss" "$FIX/crawl.warc"
same "mixed --json summary" out "$EXP/mixed-summary.json"

# Languages detected per document unless the input gives one.
fresh langs
cat >langs.jsonl <<'EOF2'
{"id": "ko", "text": "북한이 러시아에 약 1만 2천 명의 병력을 파견했다고 국가정보원이 밝혔다. 정부는 대응 방안을 검토하고 있다."}
{"id": "uk", "text": "Північна Корея відправила війська до Росії, повідомила розвідка. Уряд України закликав партнерів посилити санкції."}
{"id": "ru", "text": "Северная Корея отправила войска в Россию, сообщила разведка. Кремль назвал эти сообщения очередным фейком."}
{"id": "zh", "text": "外交部发言人表示，中方不了解有关情况。双方将继续保持沟通与合作。"}
{"id": "ja", "text": "北朝鮮がロシアに部隊を派遣したと韓国の情報機関が発表した。政府は情報収集を続けている。"}
{"id": "de", "text": "Nordkorea hat nach Angaben des südkoreanischen Geheimdienstes Truppen nach Russland geschickt, die dort ausgebildet werden."}
{"id": "fr", "text": "La Corée du Nord a envoyé des troupes en Russie, selon les services de renseignement sud-coréens, qui parlent de milliers de soldats."}
{"id": "es", "text": "Corea del Norte ha enviado tropas a Rusia, según los servicios de inteligencia de Corea del Sur, que hablan de miles de soldados."}
{"id": "given", "language": "de", "text": "This English sentence is labelled German by its input and the label wins over detection."}
{"id": "named", "lang": "Russian", "text": "A language given by its English name."}
EOF2
check "languages" 0 u ingest langs.jsonl
value "languages detected" \
	"select group_concat(id || '=' || language || ':' || language_detected, ' ') from documents" \
	"ko=ko:1 uk=uk:1 ru=ru:1 zh=zh:1 ja=ja:1 de=de:1 fr=fr:1 es=es:1 given=de:0 named=ru:0"

# Dates: ISO 8601, RFC 2822 and common news formats, stored in UTC; a date
# that does not parse leaves the document undated, kept as published_raw.
fresh dates
python3 -c '
import json
dates = [
  ("2024-10-18T06:30:00Z", "2024-10-18T06:30:00Z"),
  ("2024-10-18T15:30:00+09:00", "2024-10-18T06:30:00Z"),
  ("2024-10-18T06:30:00.123Z", "2024-10-18T06:30:00Z"),
  ("2024-10-18 06:30:00", "2024-10-18T06:30:00Z"),
  ("2024-10-18", "2024-10-18"),
  ("Fri, 18 Oct 2024 06:30:00 GMT", "2024-10-18T06:30:00Z"),
  ("Fri, 18 Oct 2024 08:30:00 +0200", "2024-10-18T06:30:00Z"),
  ("October 18, 2024", "2024-10-18"),
  ("Oct. 18, 2024", "2024-10-18"),
  ("18 October 2024", "2024-10-18"),
  ("October 18, 2024 2:30 AM EDT", "2024-10-18T06:30:00Z"),
  ("2024/10/18", "2024-10-18"),
  ("18.10.2024", "2024-10-18"),
  ("2024년 10월 18일", "2024-10-18"),
  ("2024年10月18日", "2024-10-18"),
  ("18 октября 2024", "2024-10-18"),
  ("yesterday", ""),
  ("2024-13-45", ""),
]
with open("dates.jsonl", "w") as f, open("dates.want", "w") as w:
    for i, (given, want) in enumerate(dates):
        f.write(json.dumps({"id": "d%02d" % i, "published": given, "text": "Date %d." % i}) + "\n")
        w.write("d%02d|%s|%s\n" % (i, want, given if not want else ""))
'
check "dates" 0 u ingest dates.jsonl
sqlite3 "$UNECHO_DB" "select id, coalesce(published, ''), coalesce(json_extract(meta, '$.published_raw'), '') from documents order by doc" >dates.out
same "dates parsed" dates.out dates.want
value "undated kept" "select count(*) from documents where published is null" 2

# A UTF-8 byte-order mark and blank lines are not records.
fresh bom
printf '\357\273\277id,text\r\nb1,"A CSV file that starts with a byte-order mark."\r\n' >bom.csv
printf '\357\273\277{"id": "j1", "text": "A JSON Lines file with a byte-order mark."}\n\n   \n{"id": "j2", "text": "After two blank lines."}\n' >bom.jsonl
check "byte-order marks" 0 u ingest bom.csv bom.jsonl
value "bom: records and lines" "select group_concat(id || ':' || record, ' ') from documents" "b1:2 j1:1 j2:4"
value "bom: not in the text" "select count(*) from texts where hex(text) like 'EFBBBF%'" 0
