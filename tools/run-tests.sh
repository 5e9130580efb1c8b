#!/bin/sh
# Runs the test suite of a build folder and ends with "N passed, N failed".
build=${1:-build}
log=$(mktemp)
meson test -C "$build" --print-errorlogs --num-processes 2 >"$log" 2>&1
rc=$?
cat "$log"
count() { sed -n "s/^$1: *\([0-9]*\) *$/\1/p" "$log" | tail -n 1; }
ok=$(count "Ok"); xfail=$(count "Expected Fail"); fail=$(count "Fail")
xpass=$(count "Unexpected Pass"); timeout=$(count "Timeout"); skip=$(count "Skipped")
rm -f "$log"
passed=$(( ${ok:-0} + ${xfail:-0} ))
failed=$(( ${fail:-0} + ${xpass:-0} + ${timeout:-0} ))
[ "$rc" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
[ "${skip:-0}" -gt 0 ] && echo "${skip} skipped (see above why)"
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
