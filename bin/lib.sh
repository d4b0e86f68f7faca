# Shared settings and helpers for the local WordPress that `npm start` and
# `npm test` run. Sourced, never executed. Everything lives under
# $FOOTPRINTS_HOME (default .local/ in the project, git-ignored) so a
# `rm -rf .local` is a full reset.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FP_HOME=${FOOTPRINTS_HOME:-$ROOT/.local}
FP_CORE=$FP_HOME/core
mkdir -p "$FP_HOME"

log() { printf '\033[1m[footprints]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[footprints] error:\033[0m %s\n' "$*" >&2; exit 1; }

# Run a command as root: directly when we are root, through sudo otherwise.
as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
		die "need root for: $* (run it as root, or install sudo)"; fi
}

# An instance is one WordPress with its own MariaDB, ports and folders.
# `dev` is what `npm start` serves; `test` is what `npm test` creates and
# tears down, so running the tests never touches the demo site; `hub` is a
# second site that `npm test` runs as the test site's remote backend;
# `zip` is a bare WordPress without Footprints, into which the release zip
# is installed through the plugin upload screen (tests/e2e/plugin-zip.spec.ts).
use_instance() {
	INSTANCE=$1
	case $INSTANCE in
		dev)
			WP_PORT_VAR=FOOTPRINTS_PORT DB_PORT_VAR=FOOTPRINTS_DB_PORT
			WP_PORT=${FOOTPRINTS_PORT:-8888}
			DB_PORT=${FOOTPRINTS_DB_PORT:-3388}
			;;
		test)
			WP_PORT_VAR=FOOTPRINTS_TEST_PORT DB_PORT_VAR=FOOTPRINTS_TEST_DB_PORT
			WP_PORT=${FOOTPRINTS_TEST_PORT:-8889}
			DB_PORT=${FOOTPRINTS_TEST_DB_PORT:-3389}
			;;
		hub)
			WP_PORT_VAR=FOOTPRINTS_HUB_PORT DB_PORT_VAR=FOOTPRINTS_HUB_DB_PORT
			WP_PORT=${FOOTPRINTS_HUB_PORT:-8887}
			DB_PORT=${FOOTPRINTS_HUB_DB_PORT:-3387}
			;;
		zip)
			WP_PORT_VAR=FOOTPRINTS_ZIP_PORT DB_PORT_VAR=FOOTPRINTS_ZIP_DB_PORT
			WP_PORT=${FOOTPRINTS_ZIP_PORT:-8886}
			DB_PORT=${FOOTPRINTS_ZIP_DB_PORT:-3386}
			;;
		bench)
			# bin/bench-insights' own site: a million seeded events, emptied on every run.
			WP_PORT_VAR=FOOTPRINTS_BENCH_PORT DB_PORT_VAR=FOOTPRINTS_BENCH_DB_PORT
			WP_PORT=${FOOTPRINTS_BENCH_PORT:-8896}
			DB_PORT=${FOOTPRINTS_BENCH_DB_PORT:-3396}
			;;
		*) die "unknown instance '$INSTANCE' (use dev, test, hub, zip or bench)" ;;
	esac
	WP_HOST=127.0.0.1
	WP_URL="http://$WP_HOST:$WP_PORT"
	INST_DIR=$FP_HOME/$INSTANCE
	WP_DIR=$INST_DIR/wordpress
	DB_DIR=$INST_DIR/mariadb
	DB_SOCKET=$DB_DIR/mysqld.sock
	LOG_DIR=$INST_DIR/logs
	RUN_DIR=$INST_DIR/run
	DB_NAME=footprints_$INSTANCE
	DB_USER=footprints
	DB_PASSWORD=footprints
	mkdir -p "$INST_DIR" "$LOG_DIR" "$RUN_DIR"
}

# True when the process group recorded in $1 is still alive. Right after
# the start its leader may not have called setsid() yet, so the leader's
# own pid counts too.
group_alive() {
	[ -f "$1" ] || return 1
	local pgid
	pgid=$(cat "$1")
	kill -0 -- "-$pgid" 2>/dev/null || kill -0 "$pgid" 2>/dev/null
}

# Stop a process group started with setsid and wait until it is gone, so
# no `php -S` worker keeps listening after the master is stopped.
stop_group() {
	local pidfile=$1 name=$2 pgid i
	[ -f "$pidfile" ] || return 0
	pgid=$(cat "$pidfile")
	if kill -0 -- "-$pgid" 2>/dev/null; then
		kill -TERM -- "-$pgid" 2>/dev/null || true
		for i in $(seq 1 50); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 0.2; done
		kill -KILL -- "-$pgid" 2>/dev/null || true
		log "stopped $name"
	fi
	rm -f "$pidfile"
}

# Wait until a TCP port answers (or the process group died).
wait_for_port() {
	local port=$1 pidfile=$2 what=$3 i
	for i in $(seq 1 150); do
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
		group_alive "$pidfile" || die "$what did not start; see its log in $LOG_DIR"
		sleep 0.2
	done
	die "$what did not answer on port $port within 30 s; see $LOG_DIR"
}

port_in_use() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
