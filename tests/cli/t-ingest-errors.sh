# Bad input: rejected records as file:line: reason on stderr and in the
# ingest log, the rest ingested; exit 0 nothing rejected, 1 some rejected,
# 2 usage error or nothing readable (unecho(1), EXIT STATUS).
EXP="$SRC/tests/cli/expected"

# fresh NAME: the following commands (and `value`) use a new NAME.db.
fresh() {
	UNECHO_DB=$PWD/$1.db
	rm -f "$UNECHO_DB" "$UNECHO_DB-wal" "$UNECHO_DB-shm"
}

# JSON Lines with an unterminated string, a record without text, an id seen
# before, and a line that is not an object: 4 added, 1 duplicate, 3 rejected.
fresh basic
cp "$FIX/basic.jsonl" .
check "bad lines: exit 1" 1 u ingest basic.jsonl
cat >want.err <<'EOF'
unecho: basic.jsonl:3: invalid JSON at column 58: unterminated string
unecho: basic.jsonl:4: no text
unecho: basic.jsonl:8: invalid JSON at column 1: expected a JSON object
EOF
same "bad lines: file:line: reason" err want.err
has "summary added" out "added       4"
has "summary duplicates" out "duplicates  1"
has "summary rejected" out "rejected    3"
value "rejections logged" \
	"select group_concat(line || ' ' || reason, '|') from ingest_rejections" \
	"3 invalid JSON at column 58: unterminated string|4 no text|8 invalid JSON at column 1: expected a JSON object"
value "ingest log counts" \
	"select status || ' ' || added || ' ' || duplicates || ' ' || rejected from ingest_files" \
	"done 4 1 3"
u docs --json >docs.out
same "documents of basic.jsonl" docs.out "$EXP/basic-docs.jsonl"
value "the first of two records with one id wins" \
	"select texts.text from texts join documents d on d.text = texts.id where d.id = 'w1'" \
	"SEOUL, Oct 18 (Reuters) - North Korea has sent about 1,500 special forces troops to Russia, South Korea's spy agency said on Friday."
value "unparsed date kept as published_raw" \
	"select meta from documents where published is null and meta like '%published_raw%'" \
	'{"published_raw":"not a date"}'
value "CRLF and a bell normalised" \
	"select texts.text from texts join documents d on d.text = texts.id where d.outlet_name = 'Mystery Gazette'" \
	"An outlet that no registry knows.
Second line with a bell."

# The same bad lines from standard input and inside an archive.
fresh stdin
check "stdin bad lines" 1 sh -c '"$UNECHO" ingest - <"$FIX/basic.jsonl"'
has "stdin label" err "unecho: -:3: invalid JSON at column 58: unterminated string"
fresh archive
mkdir arch && cp "$FIX/basic.jsonl" arch/ && tar -C arch -czf bad.tar.gz basic.jsonl
check "archive member bad lines" 1 u ingest bad.tar.gz
has "archive:member:line" err "unecho: bad.tar.gz:basic.jsonl:8: invalid JSON at column 1: expected a JSON object"
value "archive member logged" "select path from ingest_files" "bad.tar.gz:basic.jsonl"

# CSV rows with too many fields, no text, an unterminated quote.
fresh csv
printf 'id,text,outlet\nc1,"fine text",X\nc2,"too",many,cols\nc3\nc4,"unterminated\n' >bad.csv
check "bad csv rows" 1 u ingest bad.csv
has "csv: field count" err "unecho: bad.csv:3: expected 3 fields, found 4"
has "csv: unterminated quote" err "unecho: bad.csv:5: unterminated quoted field"
value "csv: the good row kept" "select group_concat(id) from documents" "c1"

# Only the first ten rejections are printed; -q prints none; all are logged.
fresh many
i=1
while [ $i -le 15 ]; do
	echo "{\"id\": \"b$i\", \"text\": "
	i=$((i+1))
done >many.jsonl
echo '{"id": "good", "text": "The one good line among fifteen bad ones."}' >>many.jsonl
check "many rejections" 1 u ingest many.jsonl
value "ten printed" "select $(grep -c '^unecho: many.jsonl:[0-9]*: invalid JSON' err)" 10
has "more in the table" out "(the first 10 rejections were shown; all are in the ingest_rejections table)"
value "fifteen logged" "select count(*) from ingest_rejections" 15
check "-q" 1 u ingest -q many.jsonl
same "-q: nothing on stderr" err /dev/null
check "--quiet --json" 1 u ingest --quiet --json many.jsonl
has "--json summary" out '"rejected":15'
same "--quiet: nothing on stderr" err /dev/null

# A binary file and a missing file are reported; alone they are "nothing
# could be read" (exit 2), next to a good file "some rejected" (exit 1).
fresh binary
cp "$FIX/pixel.png" .
check "binary file" 2 u ingest pixel.png
same "binary reported" err - <<'EOF'
unecho: pixel.png: not a document format unecho reads (binary data)
EOF
has "binary: unreadable" out "unreadable  1"
value "binary logged as failed" "select status || ': ' || error from ingest_files" \
	"failed: not a document format unecho reads (binary data)"
check "missing file" 2 u ingest nosuch.jsonl
same "missing reported" err - <<'EOF'
unecho: nosuch.jsonl: No such file or directory
EOF
check "binary, missing and good" 1 u ingest pixel.png nosuch.jsonl "$FIX/clean.jsonl"
has "good file still read" out "added       3"
has "two unreadable" out "unreadable  2"
value "good file ingested" "select count(*) from documents" 3
mkdir folder && cp "$FIX/pixel.png" "$FIX/plain.txt" folder/
check "folder with a binary file" 1 u ingest folder
has "binary in folder" err "unecho: folder/pixel.png: not a document format unecho reads (binary data)"
: >empty.jsonl
check "empty file" 2 u ingest empty.jsonl
has "empty file named" err "unecho: empty.jsonl: "

# XML entities are never expanded ("billion laughs", external entities).
fresh xml
cat >laughs.rss <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY a "lol lol lol lol lol lol lol lol lol lol">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY ext SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>Laughs</title>
<item><title>Entity &c; test</title><link>https://laughs.example/1</link>
<description>Before &c; after &ext; end.</description></item>
</channel></rss>
EOF
check "entity declarations refused" 2 u ingest laughs.rss
has "entity message" err "XML entity declarations are not allowed"
value "nothing expanded" "select count(*) from documents" 0

# Limits: document size, line length, decompressed size and ratio.
fresh limits
check "--max-doc-size 215" 1 u ingest --max-doc-size 215 "$FIX/clean.jsonl"
same "doc size messages" err - <<EOF
unecho: $FIX/clean.jsonl:2: document text over the limit of 215 bytes
unecho: $FIX/clean.jsonl:3: document text over the limit of 215 bytes
EOF
value "the 212-byte document kept" "select group_concat(id) from documents" "kf-001"
fresh limits2
python3 -c '
import json
print(json.dumps({"id": "huge", "text": "x" * (11 << 20)}))
print(json.dumps({"id": "small", "text": "A small document after a huge one."}))' >huge.jsonl
check "default document limit 10M" 1 u ingest huge.jsonl
same "default limit message" err - <<'EOF'
unecho: huge.jsonl:1: document text over the limit of 10485760 bytes
EOF
value "the small one kept" "select group_concat(id) from documents" "small"
check "--max-doc-size 12M" 0 u ingest --max-doc-size 12M huge.jsonl
value "12M lets it in" "select texts.bytes from texts join documents d on d.text = texts.id where d.id = 'huge'" 11534336
fresh limits3
check "--max-line 300" 1 u ingest --max-line 300 "$FIX/clean.jsonl"
has "line limit message" err "clean.jsonl:1: line longer than the limit of 300 bytes"
value "no document over the line limit" "select count(*) from documents" 0

# A gzip bomb: 20 MB of spaces in 20 KB; stopped by the ratio limit (1000).
fresh bomb
check "gzip bomb" 2 u ingest "$FIX/bomb.txt.gz"
has "bomb: decompression limit named" err "bomb.txt.gz: decompressed size over the limit"
value "bomb: nothing stored" "select count(*) from documents" 0
value "bomb: logged as failed" "select count(*) from ingest_files where status <> 'failed'" 0
check "nested gzip bomb" 2 u ingest "$FIX/bomb-nested.txt.gz.gz"
has "nested bomb stopped" err "bomb-nested.txt.gz.gz: decompressed size over the limit"
check "bomb next to a good file" 1 u ingest "$FIX/bomb.txt.gz" "$FIX/clean.jsonl"
value "good file after the bomb" "select count(*) from documents" 3
fresh bomb2
check "bomb under a higher ratio" 1 u ingest --max-ratio 2000 "$FIX/bomb.txt.gz"
has "then the document limit" err "bomb.txt.gz:1: text of 20971551 bytes over the limit of 10485760 bytes"
check "--max-decompressed" 2 u ingest --max-ratio 100000 --max-decompressed 2M "$FIX/bomb.txt.gz"
has "decompressed limit" err "decompressed size over the limit (2097152 bytes"

# Usage errors of ingest: exit 2 with a message, nothing read.
fresh usage
check "no path" 2 u ingest
has "no path message" err "unecho: ingest needs at least one PATH (a file, a folder or -)"
check "bad size" 2 u ingest --max-doc-size 10X "$FIX/clean.jsonl"
has "bad size message" err "unecho: bad size '10X' (examples: 10M, 512k, 1G)"
check "zero size" 2 u ingest --max-line 0 "$FIX/clean.jsonl"
check "bad --map" 2 u ingest --map text "$FIX/clean.jsonl"
has "bad --map message" err "bad --map entry 'text': expected FIELD=COLUMN"
check "unknown --map field" 2 u ingest --map nosuch=x "$FIX/clean.jsonl"
has "unknown field message" err "unknown field 'nosuch'"
check "unknown ingest option" 2 u ingest --bogus "$FIX/clean.jsonl"
has "unknown option named" err "bogus"
value "usage errors read nothing" "select count(*) from ingest_files" 0
