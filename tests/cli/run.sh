#!/bin/sh
# Command-line tests: runs every tests/cli/t-*.sh with the real binary.
# Each test file is a shell script that uses the helpers below; it runs in
# its own temporary folder with UNECHO_DB pointing at a fresh database.
#
#   run.sh /path/to/unecho [TEST...]
UNECHO=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
SRC=$(cd "$(dirname "$0")/../.." && pwd)
FIX="$SRC/tests/fixtures"
export UNECHO SRC FIX
pass=0 fail=0
tests=${*:-$(ls "$SRC"/tests/cli/t-*.sh)}
for t in $tests; do
	case $t in /*) ;; *) t="$PWD/$t" ;; esac
	name=$(basename "$t" .sh)
	dir=$(mktemp -d)
	out=$(cd "$dir" && UNECHO_DB="$dir/test.db" sh -c '
		set -u
		fails=0
		# check DESCRIPTION EXPECTED_EXIT COMMAND...: runs COMMAND with
		# stdout in ./out and stderr in ./err and checks its exit code.
		check() {
			desc=$1 want=$2; shift 2
			"$@" >out 2>err
			got=$?
			if [ "$got" != "$want" ]; then
				echo "  FAIL $desc: exit $got, expected $want"
				sed "s/^/    stderr: /" err | head -n 8
				fails=$((fails+1))
			fi
		}
		# same DESCRIPTION FILE EXPECTED_FILE: compares two files.
		# With UPDATE_EXPECTED=1 it rewrites the expected file instead
		# (review the change with git diff before committing it).
		same() {
			if [ "${UPDATE_EXPECTED:-}" = 1 ]; then
				cp "$2" "$3"
			elif ! diff -u "$3" "$2" >diff.out 2>&1; then
				echo "  FAIL $1: output differs"
				sed "s/^/    /" diff.out | head -n 30
				fails=$((fails+1))
			fi
		}
		# has DESCRIPTION FILE TEXT: FILE contains the fixed string TEXT.
		has() {
			if ! grep -qF -- "$3" "$2"; then
				echo "  FAIL $1: $2 lacks \"$3\""
				sed "s/^/    $2: /" "$2" | head -n 12
				fails=$((fails+1))
			fi
		}
		# value DESCRIPTION SQL EXPECTED: a query of the test database.
		value() {
			got=$(sqlite3 "$UNECHO_DB" "$2" 2>&1)
			if [ "$got" != "$3" ]; then
				echo "  FAIL $1: \"$2\" gave \"$got\", expected \"$3\""
				fails=$((fails+1))
			fi
		}
		u() { "$UNECHO" "$@"; }
		. "$0"
		exit $fails
	' "$t" 2>&1)
	rc=$?
	if [ $rc -eq 0 ]; then
		pass=$((pass+1)); echo "ok   $name"
	else
		fail=$((fail+1)); echo "FAIL $name"; echo "$out"
	fi
	rm -rf "$dir"
done
echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
