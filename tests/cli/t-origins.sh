# `unecho origins --known`: the built-in gazetteer (data/origins.tsv) and
# imports from users' files (SPEC §3.3).

# Every origin of data/origins.tsv is listed, once, in id order.
check "origins --known --json" 0 u origins --known --json
sed -n 's/^{"id":"\([^"]*\)".*/\1/p' out >ids.out
grep -v '^#' "$SRC/data/origins.tsv" | sed '1d; /^$/d' | cut -f1 | LC_ALL=C sort >ids.want
same "every built-in origin" ids.out ids.want
value "at least 80 origins" "select $(wc -l <ids.out) >= 80" 1
grep '"id":"kr-nis"' out >nis.out
same "kr-nis" nis.out - <<'EOF2'
{"id":"kr-nis","name":"National Intelligence Service","kind":"intelligence","country":"KR","reliability":"C","aliases":["NIS","Seoul's spy agency","South Korea's intelligence agency","South Korea's National Intelligence Service","South Korea's spy agency","South Korean intelligence","South Korean National Intelligence Service","South Korean spy agency","Национальная служба разведки","Национальная служба разведки Южной Кореи","Южнокорейская разведка","국가정보원","국정원"],"source":"builtin"}
EOF2
for id in ua-hur us-dod us-state us-white-house us-cia ru-kremlin ru-mod kp-kcna kr-jcs ua-sbu nato; do
	grep -q "^{\"id\":\"$id\"" out || {
		echo "  FAIL built-in origin $id missing"
		fails=$((fails+1))
	}
done
value "every line is an object with the documented fields" \
	"select $(grep -c '^{"id":"[^"]*","name":"[^"]*","kind":"[a-z-]*","country":[^,]*,"reliability":"[A-F]","aliases":\[.*\],"source":"builtin"}$' out)" \
	"$(wc -l <ids.want | tr -d ' ')"
check "origins --known table" 0 u origins --known
has "table header" out "ID"
has "table row" out "kr-nis"
check "origins --known --csv" 0 u origins --known --csv
has "csv header" out "id,name,kind,country,reliability"
has "csv row" out "kr-nis,National Intelligence Service,intelligence,KR,C"

# Import adds one origin.
check "import" 0 u origins import "$FIX/origins-import.tsv"
same "import summary" out - <<'EOF2'
imported 1 origins
EOF2
check "origins after import" 0 u origins --known --json
value "one more origin" "select $(wc -l <out)" "$(($(wc -l <ids.want) + 1))"
grep '"id":"xx-kessling-harbour-authority"' out >imported.out
same "the imported origin" imported.out - <<'EOF2'
{"id":"xx-kessling-harbour-authority","name":"Kessling Harbour Authority","kind":"official","country":"NO","reliability":"B","aliases":["harbour authority","Kessling port authority"],"source":"import"}
EOF2
value "stored" "select kind || ' ' || country || ' ' || reliability || ' ' || source from origins where id = 'xx-kessling-harbour-authority'" \
	"official NO B import"
value "aliases map to it" \
	"select group_concat(alias, '|') from (select alias from origin_aliases where origin = 'xx-kessling-harbour-authority' order by alias collate nocase)" \
	"harbour authority|Kessling Harbour Authority|Kessling port authority"
check "import again" 0 u origins import "$FIX/origins-import.tsv"
check "origins after second import" 0 u origins --known --json
value "no origin twice" "select $(wc -l <out)" "$(($(wc -l <ids.want) + 1))"

# An import overrides a built-in origin by id.
printf 'id,name,kind,country,reliability,aliases\nkr-nis,National Intelligence Service,intelligence,KR,B,NIS;Seoul spy agency\n' >override.csv
check "override" 0 u origins import override.csv
check "origins after override" 0 u origins --known --json
has "kr-nis overridden" out '{"id":"kr-nis","name":"National Intelligence Service","kind":"intelligence","country":"KR","reliability":"B",'
value "still one kr-nis" "select $(grep -c '"id":"kr-nis"' out)" 1

# Bad rows reported as file:line: reason (exit 1).
printf 'id\tname\tkind\nxx-a\tA\tbogus\nxx-b\t\tofficial\nxx-c\tC\tngo\n' >bad.tsv
check "bad rows" 1 u origins import bad.tsv
same "bad rows summary" out - <<'EOF2'
imported 1 origins, rejected 2 rows
EOF2
same "bad rows messages" err - <<'EOF2'
unecho: bad.tsv:2: unknown origin kind 'bogus' (one of intelligence, military, government, official, wire, outlet, think-tank, ngo, person, anonymous)
unecho: bad.tsv:3: an origin needs an id and a name
EOF2
value "the good row imported" "select kind from origins where id = 'xx-c'" "ngo"

# --map for other column names.
printf 'slug,label,category,nation\nxx-d,Quay Port Police,official,NO\n' >mapped.csv
check "import --map" 0 u origins import --map id=slug,name=label,kind=category,country=nation mapped.csv
value "mapped origin" "select name || ' ' || kind || ' ' || country from origins where id = 'xx-d'" "Quay Port Police official NO"

# Usage errors (exit 2).
check "import without a file" 2 u origins import
has "no file message" err "unecho: origins import needs one FILE"
check "missing file" 2 u origins import nosuch.tsv
has "missing file message" err "nosuch.tsv: No such file or directory"
check "unknown argument" 2 u origins frobnicate
has "unknown argument message" err "unecho: origins: unknown argument 'frobnicate'"
check "unknown option" 2 u origins --bogus
check "origins --help" 0 u origins --help
has "origins usage" out "usage: unecho origins [--json|--csv]"
has "origins --known usage" out "unecho origins --known [--json|--csv]"
