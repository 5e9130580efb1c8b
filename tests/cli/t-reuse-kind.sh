# `unecho reuse`: a pair that shares only a quotation is of kind
# "quotation", a pair that shares reporting is a "copy", and --kind lists
# one kind.  Three outlets report one speech: the wire (first), a paper
# quoting the same sentences in its own words, and a site reprinting the
# wire's reporting.
cat >speech.jsonl <<'EOF2'
{"id":"wire","outlet":"Reuters","published":"2024-10-18T08:00:00Z","text":"The defence minister spoke to parliament on Friday about the new border fortifications along the eastern frontier. \"We will finish the concrete bunkers, the anti-tank ditches and the new radar stations before the winter storms arrive in the northern provinces,\" the minister told lawmakers in the capital. Engineers from three regional construction companies have been hired for the work, which is expected to cost about four hundred million euros over two years, according to budget documents seen by reporters."}
{"id":"quoter","outlet":"Der Spiegel","published":"2024-10-18T12:00:00Z","text":"Opposition leaders walked out in protest during a heated session. Speaking in a sombre tone, the minister said: \"We will finish the concrete bunkers, the anti-tank ditches and the new radar stations before the winter storms arrive in the northern provinces.\" Critics called the plan wasteful and argued that diplomacy with neighbouring governments had been abandoned far too quickly by the coalition."}
{"id":"copier","outlet":"Daily Mail","published":"2024-10-18T14:00:00Z","text":"Big news from the frontier. Engineers from three regional construction companies have been hired for the work, which is expected to cost about four hundred million euros over two years, according to budget documents seen by reporters. More follows."}
EOF2
check "ingest" 0 u ingest -q speech.jsonl
check "analyze" 0 u analyze
check "reuse --json" 0 u reuse --json
value "two pairs" "select $(wc -l <out)" 2
value "the quoting paper shares a quotation" \
	"select $(grep -c '"copy":"quoter",.*"kind":"quotation"' out)" 1
value "the reprint is a copy" \
	"select $(grep -c '"copy":"copier",.*"kind":"copy"' out)" 1
has "passages say how much is quoted" out '"quoted":1.0'
check "reuse --kind quotation" 0 u reuse --json --kind quotation
value "one quotation" "select $(wc -l <out)" 1
has "the quotation pair" out '"copy":"quoter"'
check "reuse --kind copy" 0 u reuse --kind copy
has "table has the kind" out "KIND"
has "the copy" out "copier"
check "reuse --kind is checked" 2 u reuse --kind rumour
has "bad kind named" err "unknown kind of reuse 'rumour' (copy or quotation)"
