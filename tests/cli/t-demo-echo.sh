# The echo on the bundled demo corpus (data/demo: ours, so its results are
# asserted exactly): stories, claims with their origins, and attributions.
# The snapshots in expected/demo-*.jsonl are unecho's own output, reviewed
# against data/demo/truth.tsv; the checks below state what they must show.
EXP="$SRC/tests/cli/expected"
D="$SRC/data/demo"

check "outlets import" 0 u outlets import "$D/outlets.tsv"
check "ingest" 0 u ingest -q "$D/reports.jsonl" "$D/html" "$D/feeds" \
	"$D/rheinwelle-nato-kursk.md"
check "analyze" 0 u analyze --json
has "stages ran" out '"stories":'

# The main troop-number claim: many reports resting on few origins, the
# intelligence service named, reached through the wires' copies too.
value "the top claim is the NIS troop figure" \
	"select reports >= 15 and effective_origins < 2 and echo_ratio > 8
	 from claims where id = 1" 1
value "its first report is the wire's" \
	"select d.id from claims c join documents d on d.doc = c.first_doc
	 where c.id = 1" demo-002
value "its quantities say about 12,000 troops" \
	"select json_extract(quantities, '\$[0].lo') || ' ' ||
	        json_extract(quantities, '\$[0].object') from claims where id = 1" \
	"12000 troops"
value "the NIS is its main origin" \
	"select o.key from claim_mentions m join found_origins o on o.id = m.origin
	 where m.claim = 1 group by o.id order by count(*) desc limit 1" \
	known:kr-nis
value "the NIS claim crosses blocs" \
	"select count(distinct coalesce(ob.bloc, 'unknown')) >= 3
	 from claim_mentions m join documents d on d.doc = m.doc
	 left join outlet_blocs ob on ob.id = d.outlet where m.claim = 1" 1
value "Kremlin denials are a claim of their own" \
	"select count(*) > 0 from claims where polarity = 'denies'" 1
value "the Pentagon is an origin" \
	"select count(*) from found_origins where key = 'known:us-dod'" 1
value "copies inherit their source's origin" \
	"select count(*) > 0 from claim_mentions where via is not null" 1
value "stories: the Russian-North Korean treaty stays apart from the troops" \
	"select count(distinct s.story) from story_docs s join documents d
	 on d.doc = s.doc where d.id in ('demo-001', 'demo-034')" 2
value "every document has a story" \
	"select count(*) from documents d left join story_docs s on s.doc = d.doc
	 where s.story is null" 0

# The listings, exactly.
check "stories --json" 0 u stories --json
same "stories" out "$EXP/demo-stories.jsonl"
check "claims --json" 0 u claims --json
same "claims" out "$EXP/demo-claims.jsonl"
check "origins --json" 0 u origins --json
same "origins" out "$EXP/demo-origins.jsonl"
check "attributions --doc demo-001" 0 u attributions --doc demo-001 --json
same "attributions" out "$EXP/demo-attributions.jsonl"
check "claims --story" 0 u claims --story 4 --json
value "claims --story lists that story's claims" \
	"select count(*) from claims where story = 4" "$(wc -l <out | tr -d ' ')"
check "claims --claim 1 table" 0 u claims --claim 1
has "claim table" out "ECHO"
check "claims --origin" 0 u claims --origin known:kr-nis --json
value "claims --origin lists the claims with a report resting on it" \
	"select count(distinct m.claim) from claim_mentions m
	 join found_origins o on o.id = m.origin where o.key = 'known:kr-nis'" \
	"$(wc -l <out | tr -d ' ')"
check "claims --origin and --story combine" 0 u claims --origin known:kr-nis --story 4 --json
value "claims --origin --story" \
	"select count(distinct m.claim) from claim_mentions m
	 join found_origins o on o.id = m.origin join claims c on c.id = m.claim
	 where o.key = 'known:kr-nis' and c.story = 4" "$(wc -l <out | tr -d ' ')"

# Errors.
check "no such claim" 2 u claims --claim 99999
has "no claim message" err "unecho: no claim 99999"
check "bad claim id" 2 u claims --claim x
has "bad id message" err "--claim needs a positive number, not 'x'"
check "no claim on an origin" 2 u claims --origin nobody
has "no origin message" err "unecho: no claim rests on origin 'nobody'"
check "stories take no --origin" 2 u stories --origin known:kr-nis
check "no such story" 2 u stories --story 99999
check "no such document" 2 u attributions --doc nosuch
has "no document message" err "unecho: no document 'nosuch'"
check "unexpected argument" 2 u claims frob

# Coverage and blindspots: North Korean media are silent on the troops.
check "coverage --blindspots" 0 u coverage --blindspots --min-expected 2 --json
has "the North Korean blindspot" out '"bloc":"North Korean","docs":0,'
has "flagged" out '"blindspot":true'
check "coverage of the troops story" 0 u coverage --story 4 --json
has "Western coverage" out '"bloc":"Western","docs":22,'
check "coverage by country" 0 u coverage --story 4 --by country --json
has "US coverage" out '"country":"US","docs":13,'
check "coverage by outlet type" 0 u coverage --story 4 --by type --json
has "wire coverage" out '"outlet_type":"wire","docs":5,'
check "bad grouping" 2 u coverage --by colour
has "bad grouping message" err "--by must be bloc, country or type, not 'colour'"
check "bad ratio" 2 u coverage --ratio -1
has "bad ratio message" err "--ratio needs a number above 0, not '-1'"

# Framing: the words of the Russian coverage against the Western.
check "framing a/b" 0 u framing --a bloc=Russian --b bloc=Western --top 3 --json
has "Russian framing" out '"group":"bloc=Russian","term":"договор"'
check "framing by outlet" 0 u framing --by outlet --top 1 --json
check "framing bad --by" 2 u framing --by colour
has "bad --by message" err "--by must be bloc, outlet or country, not 'colour'"
check "framing half a pair" 2 u framing --a bloc=Russian

# The timeline of the main claim: hours until each bloc took it up.
check "claim 1 timeline" 0 u claims --claim 1 --json
has "Western lag" out '"bloc_lag_hours":{"South Korean":0.0,"Western":0.57,'

# The report: deterministic JSON with every story, Markdown for reading.
check "report json" 0 u report -o report.json
has "report path" err "unecho: report written to report.json"
check "report again" 0 u report
same "report is deterministic" out report.json

has "report has the main claim" report.json '"reports": 20'
check "report md" 0 u report --format md --stories 3 --claims 2
has "md title" out "# The echo report"
has "md coverage table" out "| bloc | documents | share | corpus share | blindspot |"
has "md escapes corpus text" out "Oct\. 18 \(PPA\)"
check "report bad format" 2 u report --format pdf
has "bad format message" err "--format must be json, md or html, not 'pdf'"

# The HTML report: one file, deterministic, that asks no other host for
# anything and runs only its own scripts (tests/browser draws it).
check "report html" 0 u report -o report.html
has "html path" err "unecho: report written to report.html"
check "report html again" 0 u report --format html
same "html is deterministic" out report.html
has "html policy" report.html "default-src 'none'"
has "html scripts by hash" report.html "script-src 'unsafe-eval' 'sha256-"
has "html chart specs" report.html '<script type="application/json" id="ue-charts">'
has "html story" report.html '<section class="story" id="story-'
has "html provenance graph" report.html '<svg class="graph"'
has "html dissent" report.html "Kremlin spokesman Dmitry Peskov has dismissed claims"
check "report md by extension" 0 u report -o report.md --stories 1
has "md by extension" report.md "# The echo report"
if grep -q "src=\"http\|href=\"http[^\"]*\.js" report.html; then
	echo "  FAIL the HTML loads something from another host"
	fails=$((fails+1))
fi
check "report unwritable" 2 u report -o /nonexistent/dir/r.json

# Corpus text is hostile: the Markdown escapes it (and so does the HTML:
# tests/fixtures/hostile.jsonl, below and in tests/browser).
cat >hostile.jsonl <<'EOF2'
{"id":"h1","outlet":"Quay Wire","published":"2024-10-18T02:00:00Z","title":"<script>alert(1)</script> Troops [click](javascript:alert(1))","text":"Officials said 12,000 troops crossed the border, a <img src=x onerror=alert(1)> report | said."}
{"id":"h2","outlet":"Harbour Daily","published":"2024-10-18T03:00:00Z","title":"<script>alert(2)</script> Troops cross","text":"Officials said 12,000 troops crossed the border, a <img src=x onerror=alert(1)> report | said."}
EOF2
check "hostile ingest" 0 u --db hostile.db ingest -q hostile.jsonl
check "hostile analyze" 0 u --db hostile.db analyze
check "hostile report" 0 u --db hostile.db report --format md
has "script escaped" out "&lt;script&gt;alert\("
if grep -q "<script>\|<img\|](javascript" out; then
	echo "  FAIL markup from the corpus reached the Markdown"
	fails=$((fails+1))
fi

# Dissent: the Kremlin's dismissal is the troops story's most dissenting
# document, with the passage that shows it.
check "dissent" 0 u dissent --story 4 --json
head -n 1 out >first
has "the Kremlin first" first '"doc":"demo-026","outlet":"Moscow Herald Television","bloc":"Russian","stance":"disagree"'
has "its passage" first 'Kremlin spokesman Dmitry Peskov has dismissed claims'
check "dissent --claim is refused" 2 u dissent --claim 1
check "report md dissent" 0 u report --format md --stories 1
has "md dissent" out "Dissent from the most reported claim:"

# The HTML report of a hostile corpus: every bit of corpus text escaped,
# no link to anything but http(s).
check "hostile fixture ingest" 0 u --db h2.db ingest -q "$FIX/hostile.jsonl"
check "hostile fixture analyze" 0 u --db h2.db analyze
check "hostile workbench" 0 u --db h2.db workbench import "$FIX/hostile-workbench.json"
check "hostile html" 0 u --db h2.db report -o hostile.html
has "hostile text escaped" hostile.html "&lt;script&gt;window.__pwned=1&lt;/script&gt;"
has "hostile workbench escaped" hostile.html "&lt;b onmouseover=window.__pwned=17&gt;Actor&lt;/b&gt;"
# Our markup ends where the chart specifications begin; in those, no '<'.
sed '/<script type="application\/json"/,$d' hostile.html >body.html
sed -n 's/^<script type="application\/json" id="ue-charts">\(.*\)<\/script>$/\1/p' \
	hostile.html >specs.json
if grep -qi '<script\|<img\|<iframe\|<svg onload\|href="javascript\|href="data:' body.html ||
   grep -q '<' specs.json || [ "$(grep -c '<script' hostile.html)" != 5 ]; then
	echo "  FAIL markup from the corpus reached the HTML"
	fails=$((fails+1))
fi
