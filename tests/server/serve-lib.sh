# serve-lib.sh - sourced by the server tests: builds fixture databases and
# starts unecho serve on a free port (it listens on port 0 and prints the
# address it got).

# make_demo_db BIN DB: the demo database (tools/demo.sh), quietly, with
# the demo's workbench (data/demo/workbench.json).
make_demo_db() {
	DEMO_DB=$2 "$SRC/tools/demo.sh" "$1" >/dev/null 2>&1
}

# make_hostile_db BIN DB: the hostile fixture, ingested and analysed, with
# the hostile workbench (tests/fixtures/hostile-workbench.json).
make_hostile_db() {
	rm -f "$2" "$2-wal" "$2-shm"
	"$1" --db "$2" ingest "$SRC/tests/fixtures/hostile.jsonl" >/dev/null &&
		"$1" --db "$2" analyze >/dev/null 2>&1 &&
		"$1" --db "$2" workbench import \
			"$SRC/tests/fixtures/hostile-workbench.json" >/dev/null
}

# start_server BIN DB [OPTIONS...]: sets SERVER_PID, PORT, BASE and TOKEN
# (the token printed at start); fails when the server does not come up.
# It listens on $LISTEN, by default 127.0.0.1:0.
start_server() {
	_bin=$1 _db=$2
	shift 2
	SERVER_OUT=$(mktemp)
	"$_bin" --db "$_db" serve --listen "${LISTEN:-127.0.0.1:0}" "$@" \
		>"$SERVER_OUT" 2>&1 &
	SERVER_PID=$!
	PORT=
	for _i in $(seq 1 100); do
		PORT=$(sed -n 's|^unecho: serving .* at http://.*:\([0-9]*\)/.*|\1|p' \
			"$SERVER_OUT")
		[ -n "$PORT" ] && break
		kill -0 "$SERVER_PID" 2>/dev/null || break
		sleep 0.1
	done
	if [ -z "$PORT" ]; then
		echo "the server did not start:" >&2
		cat "$SERVER_OUT" >&2
		return 1
	fi
	TOKEN=$(sed -n 's|.*?token=\([0-9A-Za-z._~-]*\)$|\1|p' "$SERVER_OUT" | head -n 1)
	BASE=$(sed -n 's|^unecho: serving .* at \(http://.*:[0-9]*\)/.*|\1|p' \
		"$SERVER_OUT")
}

# stop_server: stops the server started last; fails when it had died or
# did not exit cleanly (status 0).
stop_server() {
	[ -n "$SERVER_PID" ] || return 0
	_rc=0
	kill "$SERVER_PID" 2>/dev/null || _rc=1
	wait "$SERVER_PID" 2>/dev/null
	_st=$?
	if [ "$_st" -ne 0 ]; then   # died, or a sanitizer found a problem
		echo "the server exited with status $_st:" >&2
		cat "$SERVER_OUT" >&2
		_rc=1
	fi
	SERVER_PID=
	rm -f "$SERVER_OUT"
	return $_rc
}
