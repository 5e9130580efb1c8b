# The command line: help, version, unknown commands and options, and which
# database is used (--db, $UNECHO_DB, ./unecho.db).

# --help and -h: usage on stdout, exit 0, every command named.
check "--help" 0 u --help
for cmd in ingest analyze stats docs reuse outlets origins; do
	has "--help names $cmd" out "  $cmd "
done
has "--help usage line" out "usage: unecho [--db PATH] COMMAND [OPTIONS] [ARGS]"
same "--help: nothing on stderr" err /dev/null
cp out help.out
check "-h" 0 u -h
same "-h = --help" out help.out
for cmd in ingest stats docs outlets origins analyze; do
	check "$cmd --help" 0 u "$cmd" --help
	has "$cmd --help usage" out "usage: unecho $cmd"
done
value "--help creates no database" "select $(ls | grep -c '\.db$')" 0

# --version: the project version and the schema version of the database.
check "--version" 0 u --version
version=$(sed -n "s/^ *version *: *'\([^']*\)'.*/\1/p" "$SRC/meson.build" | head -n 1)
u stats >/dev/null
schema=$(sqlite3 "$UNECHO_DB" "pragma user_version")
same "--version output" out - <<EOF2
unecho $version (schema $schema)
EOF2

# No command, unknown command, unknown global option: exit 2 with a message.
check "no command" 2 u
has "no command: usage" err "usage: unecho [--db PATH] COMMAND"
check "unknown command" 2 u frobnicate
same "unknown command message" err - <<'EOF2'
unecho: 'frobnicate' is not a command; see 'unecho --help'
EOF2
check "unknown option" 2 u --frobnicate stats
has "unknown option message" err "unecho: unknown option '--frobnicate'"
check "--db without a path" 2 u --db
has "--db without a path message" err "--db"
check "unknown command option" 2 u stats --frobnicate
has "unknown command option message" err "unecho: stats: unknown option '--frobnicate'"

# The database: --db PATH, --db=PATH, else $UNECHO_DB, else ./unecho.db.
check "ingest into \$UNECHO_DB" 0 u ingest -q "$FIX/clean.jsonl"
value "\$UNECHO_DB used" "select count(*) from documents" 3
check "--db wins over \$UNECHO_DB" 0 u --db other.db ingest -q "$FIX/array.json"
value "\$UNECHO_DB untouched" "select count(*) from documents" 3
UNECHO_DB=$PWD/other.db
value "--db used" "select group_concat(id) from (select id from documents order by doc)" "arr-1,arr-2,arr-3"
UNECHO_DB=$PWD/test.db
check "--db=PATH" 0 u --db=third.db ingest -q "$FIX/note.md"
UNECHO_DB=$PWD/third.db
value "--db=PATH used" "select count(*) from documents" 1
UNECHO_DB=$PWD/test.db
check "stats --json through --db" 0 u --db other.db stats --json
has "--db stats" out '"documents":3'
mkdir dflt
check "default ./unecho.db" 0 sh -c 'cd dflt && env -u UNECHO_DB "$UNECHO" ingest -q "$FIX/plain.txt"'
UNECHO_DB=$PWD/dflt/unecho.db
value "./unecho.db created and used" "select count(*) from documents" 1
UNECHO_DB=$PWD/test.db
check "empty \$UNECHO_DB means the default" 0 sh -c 'cd dflt && UNECHO_DB= "$UNECHO" stats --json'
has "default database read" out '"documents":1'
value "WAL mode" "pragma journal_mode" "wal"

# A database that cannot be opened or is not a database: exit 3.
check "missing folder" 3 u --db nosuch/dir/x.db stats
has "missing folder message" err "unecho: cannot open database nosuch/dir/x.db"
echo "not a database at all, just some text that is long enough" >junk.db
check "not a database" 3 u --db junk.db stats
has "not a database message" err "junk.db: file is not a database"
u --db newer.db stats >/dev/null
sqlite3 newer.db "pragma user_version = 999"
check "newer schema refused" 3 u --db newer.db stats
has "newer schema message" err "database schema version 999 is newer than this unecho's"
