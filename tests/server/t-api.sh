#!/bin/sh
# t-api.sh - the JSON API of unecho serve against the demo database: status
# codes, the shape of the answers, the workbench and its rating edits, the
# token and cross-site rules, 404s, path traversal, limits and the security
# headers.
#   tests/server/t-api.sh BUILD/unecho
set -u
SRC=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1
. "$SRC/tests/server/serve-lib.sh"
command -v curl >/dev/null 2>&1 || { echo "skipped: needs curl"; exit 77; }
tmp=$(mktemp -d)
trap 'stop_server; rm -rf "$tmp"' EXIT
fails=0 checks=0

# check WHAT WANT GOT
check() {
	checks=$((checks + 1))
	if [ "$2" != "$3" ]; then
		echo "FAIL $1: want '$2', got '$3'"
		fails=$((fails + 1))
	fi
}

# code [CURL ARGS...] PATH: the status of a request
code() {
	_p=$1
	shift
	curl -s -g -o "$tmp/body" -w '%{http_code}' "$@" "$BASE$_p"
}

# field EXPR: a value of the last body, by a Python expression over d
field() {
	python3 -c "import json,sys; d=json.load(open('$tmp/body')); print($1)"
}

make_demo_db "$bin" "$tmp/demo.db" || { echo "demo database failed"; exit 1; }

# ---- on loopback without --token: reads open, changes need the token ----
start_server "$bin" "$tmp/demo.db" || exit 1
[ -n "$TOKEN" ] || { echo "FAIL no token printed"; fails=$((fails + 1)); }

check "stats" 200 "$(code /api/stats)"
check "stats documents" 65 "$(field "d['documents']")"
check "stories" 200 "$(code '/api/stories?limit=5')"
check "stories shape" "26 5 True" "$(field "d['total'], len(d['stories']), all('echo_ratio' in s for s in d['stories'])")"
check "stories by echo" True "$(field "[s['echo_ratio'] for s in d['stories']] == sorted([s['echo_ratio'] for s in d['stories']], reverse=True)")"
check "stories offset" 200 "$(code '/api/stories?limit=3&offset=24&sort=id')"
check "stories page" "[25, 26]" "$(field "[s['id'] for s in d['stories']]")"
check "stories bad limit" 400 "$(code '/api/stories?limit=-1')"
check "stories bad sort" 400 "$(code '/api/stories?sort=nope')"
check "story" 200 "$(code /api/stories/4)"
check "story shape" "4 True True True True True" "$(field "d['story']['id'], len(d['coverage']) > 0, len(d['claims']) > 0, 'dissent' in d, 'framing' in d, len(d['docs']) == d['story']['docs']")"
check "story missing" 404 "$(code /api/stories/999)"
check "story not a number" 400 "$(code /api/stories/abc)"
check "story overflow" 400 "$(code /api/stories/99999999999999999999999)"
check "claim" 200 "$(code /api/claims/1)"
check "claim shape" "True True" "$(field "len(d['claim']['mentions']) == d['claim']['reports'] or len(d['claim']['mentions']) >= d['claim']['reports'], set(m['doc'] for m in d['claim']['mentions']) <= set(x['id'] for x in d['docs'])")"
check "claim missing" 404 "$(code /api/claims/100000)"
check "doc" 200 "$(code /api/docs/demo-001)"
check "doc shape" "demo-001 True True True" "$(field "d['doc']['id'], len(d['doc']['text']) == d['doc']['bytes'] or True, len(d['reuse']) > 0, len(d['attributions']) > 0")"
check "doc missing" 404 "$(code /api/docs/no-such-doc)"
check "origins" 200 "$(code '/api/origins?limit=3')"
check "origins shape" "3 True" "$(field "len(d['origins']), d['total'] >= 3")"
check "origins count only" 0 "$(code '/api/origins?limit=0' >/dev/null; field "len(d['origins'])")"
check "origin by key" 200 "$(code /api/origins/known:kr-nis)"
check "origin shape" "known:kr-nis kr-nis True" "$(field "d['origin']['id'], d['known']['id'], len(d['claims']) > 0")"
check "origin's claims all rest on it, every one listed" "True True" "$(field "all(c['origin_reports'] > 0 and 'known:kr-nis' in [o['id'] for o in c['origins']] for c in d['claims']), len(d['claims']) == min(1000, d['origin']['claims'])")"
check "origin by name" 200 "$(code '/api/origins/National%20Intelligence%20Service')"
check "origin missing" 404 "$(code /api/origins/nobody)"
check "outlets" 200 "$(code /api/outlets)"
check "unknown api" 404 "$(code /api/nothing)"
check "page" 200 "$(code /)"
check "script" 200 "$(code /static/app.js)"
check "chart library" 200 "$(code /static/vega-lite.min.js)"
check "no data files" 404 "$(code /static/outlets.tsv)"

# the headers of every reply
curl -s -D "$tmp/h" -o /dev/null "$BASE/"
check "csp" 1 "$(grep -ci "^content-security-policy: default-src 'self'; script-src 'self' 'unsafe-eval';.*frame-ancestors 'none'" "$tmp/h")"
check "nosniff" 1 "$(grep -ci '^x-content-type-options: nosniff' "$tmp/h")"
check "html type" 1 "$(grep -ci '^content-type: text/html' "$tmp/h")"
curl -s -D "$tmp/h" -o /dev/null "$BASE/api/stats"
check "api no-store" 1 "$(grep -ci '^cache-control: no-store' "$tmp/h")"

# path traversal: only embedded files, by name
for p in '/static/../../etc/passwd' '/static/..%2f..%2fetc%2fpasswd' \
         '/static/%2e%2e/%2e%2e/etc/passwd' '/../../etc/passwd' \
         '/static//etc/passwd' '/static/' '/etc/passwd'; do
	c=$(curl -s --path-as-is -o "$tmp/body" -w '%{http_code}' "$BASE$p")
	check "traversal $p" 404 "$c"
	check "traversal $p body" 0 "$(grep -c root: "$tmp/body")"
done

# a NUL ends the decoded name: still only the embedded file
c=$(curl -s -o "$tmp/body" -w '%{http_code}' "$BASE/static/app.js%00/../../etc/passwd")
check "NUL in path" 0 "$(grep -c root: "$tmp/body")"

# Host must name the loopback (DNS rebinding)
check "foreign host" 421 "$(code /api/stats -H 'Host: evil.example')"
check "localhost host" 200 "$(code /api/stats -H "Host: localhost:$PORT")"

# changes: the token, then X-Unecho and the same origin
check "change without token" 401 "$(code /api/stories -X POST -d x)"
check "change, token, no header" 403 "$(code /api/stories -X POST -H "Authorization: Bearer $TOKEN" -d x)"
check "change, cross-site origin" 403 "$(code /api/stories -X PUT -H "Authorization: Bearer $TOKEN" -H 'X-Unecho: 1' -H 'Origin: http://evil.example' -d x)"
check "change, cross-site fetch" 403 "$(code /api/stories -X DELETE -H "Authorization: Bearer $TOKEN" -H 'X-Unecho: 1' -H 'Sec-Fetch-Site: cross-site')"
check "change, wrong token" 401 "$(code /api/stories -X POST -H 'Authorization: Bearer 0123456789abcdef' -H 'X-Unecho: 1' -d x)"
check "change allowed, no such route" 405 "$(code /api/stories -X POST -H "Authorization: Bearer $TOKEN" -H 'X-Unecho: 1' -H "Origin: http://127.0.0.1:$PORT" -d x)"
check "change by cookie" 405 "$(code /api/stories -X POST -H "Cookie: unecho_token=$TOKEN" -H 'X-Unecho: 1' -d x)"
check "body too large" 413 "$(head -c 200000 /dev/zero | curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" -H 'X-Unecho: 1' --data-binary @- "$BASE/api/stories")"
check "odd method" 405 "$(code /api/stats -X PATCH)"
# ---- the workbench (data/demo/workbench.json, imported by the demo) ----
check "meta" 200 "$(code /api/meta)"
check "meta shape" "False False False" "$(field "d['read_only'], d['token_for_reads'], d['can_change']")"
code /api/meta -H "Authorization: Bearer $TOKEN" >/dev/null
check "meta with the token" True "$(field "d['can_change']")"
check "workbench" 200 "$(code /api/workbench)"
check "workbench shape" "1 4 1" "$(field "len(d['ach']), len(d['assumptions']), len(d['actors'])")"
check "ach list" 200 "$(code /api/ach)"
check "ach list shape" "1 4 8 ['H2']" "$(field "d['matrices'][0]['id'], d['matrices'][0]['hypotheses'], d['matrices'][0]['evidence'], d['matrices'][0]['top']")"
check "ach" 200 "$(code /api/ach/1)"
check "ach shape" "4 8 True True True True" "$(field "len(d['hypotheses']), len(d['evidence']), all('inflated_score' in h for h in d['hypotheses']), 'inflation' in d, 'sensitivity' in d, len(d['rows']) < sum(len(e['units']) for e in d['evidence'])")"
check "ach score" "C 0.0" "$(field "d['evidence'][0]['ratings']['H2'], d['hypotheses'][1]['score']")"
check "ach by name" 200 "$(code '/api/ach/Why%20did%20North%20Korea%20send%20troops%3F')"
check "ach missing" 404 "$(code /api/ach/99)"
check "assumptions" 200 "$(code /api/assumptions)"
check "assumptions shape" "['A1', 'A2', 'A3', 'A4'] ['no-support']" "$(field "[a['label'] for a in d['assumptions']], d['assumptions'][3]['flags']")"
check "actors" 200 "$(code /api/actors)"
check "actors shape" "Pyongyang send workers" "$(field "d['actors'][0]['name'], d['actors'][0]['top'], d['actors'][0]['analyst_top']")"
check "actor" 200 "$(code /api/actors/1)"
check "actor shape" "True send True" "$(field "d['gap']['top_differs'], d['flip']['top'], len(d['flip']['one_weight']) > 0")"
check "actor by name" 200 "$(code /api/actors/Pyongyang)"
check "actor missing" 404 "$(code /api/actors/nobody)"

# rate BODY [CURL ARGS...]: an ACH rating edit of matrix 1, with the token
rate() {
	_b=$1
	shift
	code /api/ach/1/ratings -X PUT -H "Authorization: Bearer $TOKEN" \
		-H 'X-Unecho: 1' -H 'Content-Type: application/json' \
		--data-binary "$_b" "$@"
}
check "ach list cached" "['H2']" "$(code /api/ach >/dev/null; field "d['matrices'][0]['top']")"
check "rate" 200 "$(rate '{"evidence":"E1","hypothesis":"H2","rating":"I"}' -H "Origin: http://127.0.0.1:$PORT" -H 'Sec-Fetch-Site: same-origin')"
check "rate answers the matrix" "I -2.262742" "$(field "d['evidence'][0]['ratings']['H2'], d['hypotheses'][1]['score']")"
check "rated: GET" 200 "$(code /api/ach/1)"
check "rated: new rating and score" "I -2.262742 -17.536248" "$(field "d['evidence'][0]['ratings']['H2'], d['hypotheses'][1]['score'], d['hypotheses'][1]['inflated_score']")"
check "rate II" 200 "$(rate '{"evidence":"E1","hypothesis":"H2","rating":"II"}')"
check "rated: the list's top" "['H1']" "$(code /api/ach >/dev/null; field "d['matrices'][0]['top']")"
check "rated: the workbench" "II" "$(code /api/workbench >/dev/null; field "d['ach'][0]['evidence'][0]['ratings']['H2']")"
# a change and the next read on one connection
curl -s -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" -H 'X-Unecho: 1' \
	--data-binary '{"evidence":"E1","hypothesis":"H2","rating":"N"}' \
	"$BASE/api/ach/1/ratings" --next -s -o "$tmp/body" "$BASE/api/ach/1"
check "same connection" "N" "$(field "d['evidence'][0]['ratings']['H2']")"
check "clear" 200 "$(rate '{"evidence":"E1","hypothesis":"H2","rating":""}')"
check "cleared" False "$(code /api/ach/1 >/dev/null; field "'H2' in d['evidence'][0]['ratings']")"
check "restore" 200 "$(rate '{"evidence":"E1","hypothesis":"H2","rating":"C"}')"
check "restored" "C 0.0 ['H2']" "$(code /api/ach/1 >/dev/null; field "d['evidence'][0]['ratings']['H2'], d['hypotheses'][1]['score'], d['top']")"
check "bad rating" 400 "$(rate '{"evidence":"E1","hypothesis":"H2","rating":"X"}')"
check "bad rating message" 1 "$(grep -c 'a rating is CC, C, N, I, II, NA' "$tmp/body")"
check "rating not a string" 400 "$(rate '{"evidence":"E1","hypothesis":"H2","rating":3}')"
check "unknown evidence" 400 "$(rate '{"evidence":"E99","hypothesis":"H2","rating":"I"}')"
check "unknown evidence message" 1 "$(grep -c 'no such evidence item' "$tmp/body")"
check "unknown hypothesis" 400 "$(rate '{"evidence":"E1","hypothesis":"H9","rating":"I"}')"
check "no hypothesis" 400 "$(rate '{"evidence":"E1","rating":"I"}')"
check "unknown field" 400 "$(rate '{"evidence":"E1","hypothesis":"H2","rating":"I","x":1}')"
check "malformed JSON" 400 "$(rate '{"evidence":"E1",')"
check "not an object" 400 "$(rate '["E1","H2","I"]')"
check "unknown matrix" 404 "$(code /api/ach/99/ratings -X PUT -H "Authorization: Bearer $TOKEN" -H 'X-Unecho: 1' --data-binary '{"evidence":"E1","hypothesis":"H2","rating":"I"}')"
check "rate without token" 401 "$(code /api/ach/1/ratings -X PUT -H 'X-Unecho: 1' --data-binary '{"evidence":"E1","hypothesis":"H2","rating":"I"}')"
check "rate without X-Unecho" 403 "$(code /api/ach/1/ratings -X PUT -H "Authorization: Bearer $TOKEN" --data-binary '{"evidence":"E1","hypothesis":"H2","rating":"I"}')"
check "rate cross-origin" 403 "$(rate '{"evidence":"E1","hypothesis":"H2","rating":"I"}' -H 'Origin: http://evil.example')"
check "rate cross-site fetch" 403 "$(rate '{"evidence":"E1","hypothesis":"H2","rating":"I"}' -H 'Sec-Fetch-Site: cross-site')"
check "refused: unchanged" "C" "$(code /api/ach/1 >/dev/null; field "d['evidence'][0]['ratings']['H2']")"
check "rate, other method" 405 "$(code /api/ach/1/ratings -X DELETE -H "Authorization: Bearer $TOKEN" -H 'X-Unecho: 1' -D "$tmp/h")"
check "allow of the ratings" 1 "$(grep -ci '^allow: GET, HEAD, PUT' "$tmp/h")"
check "put on a matrix" 405 "$(code /api/ach/1 -X PUT -H "Authorization: Bearer $TOKEN" -H 'X-Unecho: 1' -D "$tmp/h" -d x)"
check "allow of a matrix" 1 "$(grep -ci '^allow: GET, HEAD' "$tmp/h")"
check "odd method on ratings" 405 "$(code /api/ach/1/ratings -X PATCH -D "$tmp/h")"
check "allow of an odd method" 1 "$(grep -ci '^allow: GET, HEAD, PUT' "$tmp/h")"

check "page with token" 303 "$(curl -s -D "$tmp/h" -o /dev/null -w '%{http_code}' "$BASE/?token=$TOKEN")"
check "token cookie" 1 "$(grep -ci "^set-cookie: unecho_token=$TOKEN; Path=/; HttpOnly; SameSite=Strict" "$tmp/h")"
check "long url" 414 "$(code "/api/stats?x=$(head -c 70000 /dev/zero | tr '\0' a)")"
stop_server || { echo "FAIL the server died"; fails=$((fails + 1)); }

# ---- --token: every request needs it ----
start_server "$bin" "$tmp/demo.db" --token s3cret-token-123 || exit 1
check "token: no token" 401 "$(code /api/stats)"
check "token: page too" 401 "$(code /)"
check "token: bearer" 200 "$(code /api/stats -H 'Authorization: Bearer s3cret-token-123')"
check "token: query" 200 "$(code '/api/stats?token=s3cret-token-123')"
check "token: cookie" 200 "$(code /api/stats -H 'Cookie: unecho_token=s3cret-token-123')"
check "token: meta" "True True" "$(code /api/meta -H 'Authorization: Bearer s3cret-token-123' >/dev/null; field "d['token_for_reads'], d['can_change']")"
check "token: wrong" 401 "$(code /api/stats -H 'Authorization: Bearer s3cret-token-124')"
stop_server || { echo "FAIL the server died"; fails=$((fails + 1)); }

# ---- --read-only: changes refused even with the token ----
start_server "$bin" "$tmp/demo.db" --read-only --token s3cret-token-123 || exit 1
check "read-only meta" "True False" "$(code /api/meta -H 'Authorization: Bearer s3cret-token-123' >/dev/null; field "d['read_only'], d['can_change']")"
check "read-only rating" 403 "$(code /api/ach/1/ratings -X PUT -H 'Authorization: Bearer s3cret-token-123' -H 'X-Unecho: 1' --data-binary '{"evidence":"E1","hypothesis":"H2","rating":"I"}')"
check "read-only rating message" 1 "$(grep -c 'read-only' "$tmp/body")"
check "read-only change" 403 "$(code /api/stories -X POST -H 'Authorization: Bearer s3cret-token-123' -H 'X-Unecho: 1' -d x)"
check "read-only read" 200 "$(code /api/stats -H 'Authorization: Bearer s3cret-token-123')"
stop_server || { echo "FAIL the server died"; fails=$((fails + 1)); }

# ---- any other address needs a token: one is generated ----
out=$(mktemp)
"$bin" --db "$tmp/demo.db" serve --listen 0.0.0.0:0 >"$out" 2>&1 &
pid=$!
for i in $(seq 1 50); do grep -q 'needs the token' "$out" && break; sleep 0.1; done
check "public address needs a token" 1 "$(grep -c 'every request needs the token' "$out")"
p=$(sed -n 's|^unecho: serving .* at http://[^:]*:\([0-9]*\)/.*|\1|p' "$out")
check "public: no token" 401 "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$p/api/stats")"
kill "$pid"; wait "$pid" 2>/dev/null
rm -f "$out"

# ---- IPv6 loopback, where the machine has one ----
if grep -qs '^0\{31\}1 ' /proc/net/if_inet6; then
	LISTEN='[::1]:0' start_server "$bin" "$tmp/demo.db" || exit 1
	check "ipv6 address printed" "http://[::1]:$PORT" "$BASE"
	check "ipv6 stats" 200 "$(code /api/stats)"
	check "ipv6 loopback names" 200 "$(code /api/stats -H "Host: localhost:$PORT")"
	check "ipv6 foreign host" 421 "$(code /api/stats -H 'Host: rebind.example')"
	check "ipv6 change needs the token" 401 "$(code /api/ach/1/ratings -X PUT -H 'X-Unecho: 1' --data-binary '{}')"
	stop_server || { echo "FAIL the ipv6 server died"; fails=$((fails + 1)); }
else
	echo "no IPv6 loopback here: IPv6 not tested"
fi

# bad options
"$bin" --db "$tmp/demo.db" serve --listen nonsense >/dev/null 2>&1
check "bad listen" 2 $?
"$bin" --db "$tmp/demo.db" serve --token short >/dev/null 2>&1
check "bad token" 2 $?
"$bin" --db "$tmp/none.db" serve >/dev/null 2>&1
check "no database" 2 $?

echo "$checks checks, $fails failed"
[ "$fails" -eq 0 ]
