#!/bin/sh
# Runs each libFuzzer target of a fuzzing build for SECONDS, starting from
# a copy of its seed corpus, and prints how many inputs each one ran.
build=${1:-build-fuzz}
seconds=${2:-60}
status=0
for target in "$build"/fuzz/fuzz_*; do
	[ -f "$target" ] && [ -x "$target" ] || continue
	name=${target##*/fuzz_}
	work="$build/fuzz-work/$name"
	mkdir -p "$work"
	cp -n fuzz/corpus/"$name"/* "$work"/ 2>/dev/null
	log="$build/fuzz-work/$name.log"
	"$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
		-artifact_prefix="$build/fuzz-work/$name-" "$work" >"$log" 2>&1
	rc=$?
	runs=$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*')
	if [ $rc -eq 0 ]; then
		echo "fuzz $name: ${runs:-?} executions, no crash"
	else
		echo "fuzz $name: FAILED (see $log)"
		status=1
	fi
done
exit $status
