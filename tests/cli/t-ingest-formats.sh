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
