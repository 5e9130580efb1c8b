# The analyst's workbench (SPEC 5): ACH with evidence collapsed by origin,
# the Key Assumptions Check and actor models, on the demo corpus and its
# worked example (data/demo/workbench.json).
D="$SRC/data/demo"
check "outlets import" 0 u outlets import "$D/outlets.tsv"
check "ingest" 0 u ingest -q "$D/reports.jsonl" "$D/html" "$D/feeds" \
	"$D/rheinwelle-nato-kursk.md"
check "analyze" 0 u analyze

# The worked example imports whole, its evidence drawn from the claims.
check "workbench import" 0 u workbench import "$D/workbench.json"
same "import summary" out - <<'EOF2'
imported 1 ACH matrix, 4 assumptions, 1 actor model
EOF2
value "eight evidence items, six drawn from claims" \
	"select count(*) || ' ' || count(claim) from ach_evidence" "8 6"
value "E1 keeps the NIS claim's reports" \
	"select count(*) from wb_reports r join ach_evidence e on e.id = r.evidence
	 where e.label = 'E1' and r.origin = 'known:kr-nis'" 27

# show --json: scores, inflation and sensitivity.
check "ach show --json" 0 u ach show 1 --json
jq_() { python3 -c "import json,sys; d=json.load(open('out')); print($1)"; }
[ "$(jq_ "d['top']")" = "['H2']" ] || { echo "  FAIL top is H2"; fails=$((fails+1)); }
[ "$(jq_ "[h['score'] for h in d['hypotheses']]")" = "[-1.7, 0.0, -2.1, -8.925483]" ] ||
	{ echo "  FAIL collapsed scores: $(jq_ "[h['score'] for h in d['hypotheses']]")"; fails=$((fails+1)); }
# H4 by hand: the NIS row (E1 high, C: 0.6 * 1.414214 * -2 = -1.697056),
# outlet:575 and org:north korea (F, high: 0.5 * 1.414214 * -2 each),
# HUR and DoD (E3, C, medium: -1.2 each), outlet:564, 554, 563 (F: -1,
# -0.5, -0.5): -1.697056 - 2.828427 - 2.4 - 2 = -8.925483.
[ "$(jq_ "d['inflation']['reports'], d['inflation']['rows'], d['inflation']['top_changes']")" = "49 11 False" ] ||
	{ echo "  FAIL inflation"; fails=$((fails+1)); }
[ "$(jq_ "len(d['sensitivity']), d['sensitivity'][0]")" = "3 {'evidence': 'E3', 'change': 'rating', 'hypothesis': 'H2', 'from': 'N', 'to': 'I', 'top': ['H1']}" ] ||
	{ echo "  FAIL sensitivity: $(jq_ "d['sensitivity']")"; fails=$((fails+1)); }
check "ach show (tables)" 0 u ach show "Why did North Korea send troops?"
has "collapsed rows" out "Rows collapsed by origin"
has "inflation line" out "Echo inflation: 49 reports rest on 11 origin rows"
check "ach list" 0 u ach
has "list row" out "Why did North Korea send troops?"

# Assumptions: flags.
check "assumptions --json" 0 u assumptions --json
has "A1 unflagged" out '"label":"A1"'
[ "$(sed -n 's/.*"label":"\(A[0-9]\)".*"flags":\(\[[^]]*\]\).*/\1 \2/p' out | tr '\n' ' ')" = \
  'A1 [] A2 ["one-bloc"] A3 ["one-origin","one-bloc"] A4 ["no-support"] ' ] ||
	{ echo "  FAIL assumption flags"; sed 's/^/    /' out | cut -c1-200; fails=$((fails+1)); }

# The actor model: the mirror-image gap and the flips (worked by hand in
# tests/unit/test_workbench.c).
check "actor show --json" 0 u actor show Pyongyang --json
has "actor's top" out '"ranking":[{"option":"send","utility":7.15,"rank":1}'
has "analyst's top" out '"analyst_ranking":[{"option":"workers","utility":6.1,"rank":1}'
has "gap" out '"top_differs":true,"discordant_pairs":2'
has "one weight" out '{"criterion":"attrition","weight":0.05,"delta":0.4,"new_weight":0.45,"share":0.321429,"becomes":"workers"}'
has "vector" out '"vector":{"norm":"L1","shift":0.190909,"l1":0.381818,"becomes":"workers"'

# Editing from the command line, in a matrix of its own.
check "ach new" 0 u ach new Test --question "Which?" --weights high=2
check "new again" 2 u ach new Test
has "exists message" err "unecho: an ACH matrix of that name exists"
check "hypothesis add" 0 u ach hypothesis add Test "first"
same "label printed" out - <<'EOF2'
H1
EOF2
check "hypothesis add 2" 0 u ach hypothesis add Test "second" --label Hx
check "evidence from a claim" 0 u ach evidence add Test --claim 1 --relevance high
check "evidence by hand" 0 u ach evidence add Test "typed" --origin ua-hur --credibility b
check "rate" 0 u ach rate Test E1 H1=C Hx=II
check "rate all" 0 u ach rate Test E2 '*=I'
check "bad rating" 2 u ach rate Test E1 H1=Q
has "bad rating message" err "unecho: unknown rating 'Q' (one of CC, C, N, I, II, NA)"
check "no hypothesis" 2 u ach rate Test E1 H7=I
has "no hypothesis message" err "unecho: no hypothesis 'H7' in 'Test'"
check "no claim" 2 u ach evidence add Test --claim 9999
has "no claim message" err "no claim 9999 (see 'unecho claims')"
check "option not here" 2 u ach hypothesis add Test x --claim 3
has "option message" err "unecho: ach hypothesis add: --claim does not apply here"
check "hypothesis rename" 0 u ach hypothesis edit Test Hx --label H2
value "ratings follow the rename" \
	"select group_concat(h.label || '=' || r.rating) from ach_ratings r
	 join ach_hypotheses h on h.id = r.hypothesis join ach_evidence e
	 on e.id = r.evidence where e.label = 'E1' and e.matrix =
	 (select id from ach_matrices where name = 'Test')" "H1=C,H2=II"
check "evidence edit" 0 u ach evidence edit Test E2 --relevance low --text "typed again"
check "hypothesis remove" 0 u ach hypothesis remove Test H1
check "show test" 0 u ach show Test --json
has "one hypothesis left" out '"hypotheses":[{"label":"H2"'

# Export, then import into a fresh database: the same export.
check "export" 0 u ach export Test -o test.json
check "delete" 0 u ach delete Test
check "import" 0 u ach import test.json
check "export again" 0 u ach export Test -o again.json
same "round trip" again.json test.json
check "import again" 2 u ach import test.json
has "exists" err "test.json: ach[0]: 'Test' exists (delete it, or import with --replace)"
check "import --replace" 0 u ach import --replace test.json

# Bad files: the place named, nothing changed.
printf '{"ach": [{"name": "B",\n  "hypotheses": [}]}\n' >bad.json
check "malformed" 2 u ach import bad.json
has "malformed message" err "unecho: bad.json:2:18: "
printf '{"ach":[{"name":"B","hypotheses":[{"text":"a"}],"evidence":[{"text":"e","ratings":{"H1":"maybe"}}]}]}' >bad.json
check "unknown rating" 2 u ach import bad.json
same "unknown rating message" err - <<'EOF2'
unecho: bad.json: ach[0].evidence[0]: ratings.H1: unknown rating 'maybe' (one of CC, C, N, I, II, NA)
EOF2
printf '{"ach":[{"name":"B"},{"name":"C","evidence":[{"claim":4242}]}]}' >bad.json
check "missing claim" 2 u ach import bad.json
has "missing claim message" err "bad.json: ach[1].evidence[0]: no claim 4242"
value "nothing imported" "select count(*) from ach_matrices where name in ('B', 'C')" 0

# Assumptions and actors from the command line.
check "assumption add" 0 u assumptions add "Seoul's figures are right"
same "assumption label" out - <<'EOF2'
A5
EOF2
check "support" 0 u assumptions support A5 --claim-text "put the payment at around" --note "two outlets"
check "support evidence" 0 u assumptions support A5 --matrix Test --evidence E2
check "support neither" 2 u assumptions support A5
check "show" 0 u assumptions show A5
has "support listed" out "2. evidence E2 of 'Test'"
check "unsupport" 0 u assumptions unsupport A5 2
check "unsupport past" 2 u assumptions unsupport A5 5
check "actor new" 0 u actor new Solo --analyst "us"
check "option" 0 u actor option add Solo a
check "option b" 0 u actor option add Solo b
check "criterion" 0 u actor criterion add Solo c --weight 1 --analyst-weight 0
check "criterion needs weight" 2 u actor criterion add Solo d
check "score" 0 u actor score Solo a c=1
check "score bad" 2 u actor score Solo a c=x
check "actor list" 0 u actor --json
has "list" out '"name":"Solo"'
check "workbench" 0 u workbench
has "whole workbench" out '{"ach":[{"id":1,'
check "workbench export" 0 u workbench export -o all.json
has "export has actors" all.json '"actors": ['
check "help" 0 u ach --help
has "usage" out "usage: unecho ach [list]"
check "unknown sub" 2 u ach frob

# The report ends with the workbench, in every format.
check "report json" 0 u report -o wb-report.json
has "json workbench" wb-report.json '"workbench": {'
has "json ach scores" wb-report.json '"inflated_score"'
check "report html" 0 u report -o wb-report.html
has "html workbench" wb-report.html '<section id="workbench">'
has "html collapsed rows" wb-report.html '<caption>Evidence collapsed by origin</caption>'
has "html mirror-image gap" wb-report.html '<b>Mirror-image gap:</b>'
check "report md" 0 u report --format md
has "md workbench" out "## The analyst's workbench"
has "md flagged assumption" out "**flagged: no\-support**"
