# Sourced by the sbin scripts: locates the installation, loads $TSSPARK_CONF_DIR/tsspark-env.sh, and provides
# start_daemon / stop_daemon (pid files in $TSSPARK_PID_DIR, default /tmp; logs in $TSSPARK_LOG_DIR).
TSSPARK_HOME="${TSSPARK_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
export TSSPARK_HOME
export TSSPARK_CONF_DIR="${TSSPARK_CONF_DIR:-$TSSPARK_HOME/conf}"
if [ -f "$TSSPARK_CONF_DIR/tsspark-env.sh" ]; then
  set -a
  # shellcheck disable=SC1091
  . "$TSSPARK_CONF_DIR/tsspark-env.sh"
  set +a
fi
TSSPARK_PID_DIR="${TSSPARK_PID_DIR:-/tmp}"
TSSPARK_LOG_DIR="${TSSPARK_LOG_DIR:-$TSSPARK_HOME/logs}"
TSSPARK_IDENT_STRING="${TSSPARK_IDENT_STRING:-${USER:-$(id -un)}}"
NODE="${TSSPARK_NODE:-node}"
mkdir -p "$TSSPARK_PID_DIR" "$TSSPARK_LOG_DIR"

pid_file() { # <daemon> <instance>
  echo "$TSSPARK_PID_DIR/tsspark-$TSSPARK_IDENT_STRING-$1-$2.pid"
}

# true when the pid file names a live process that is this daemon (not a recycled pid)
daemon_running() { # <daemon> <instance>
  local f pid
  f="$(pid_file "$1" "$2")"
  [ -f "$f" ] || return 1
  pid="$(cat "$f")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && ps -p "$pid" -o args= 2>/dev/null | grep -q "tsspark-$1"
}

start_daemon() { # <daemon> <instance> <args...>
  local name="$1" instance="$2"
  shift 2
  local f log
  f="$(pid_file "$name" "$instance")"
  log="$TSSPARK_LOG_DIR/tsspark-$TSSPARK_IDENT_STRING-$name-$instance-$(hostname).out"
  if daemon_running "$name" "$instance"; then
    echo "tsspark-$name $instance is already running as process $(cat "$f"); stop it first."
    return 1
  fi
  echo "starting tsspark-$name $instance, logging to $log"
  nohup "$NODE" "$TSSPARK_HOME/bin/tsspark-$name.mjs" "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$f"
  # give it a moment; report a daemon that died at once
  local i
  for i in 1 2 3 4 5 6 7 8 9 10; do
    if grep -q "tsspark-$name started" "$log" 2>/dev/null; then return 0; fi
    if ! kill -0 "$(cat "$f")" 2>/dev/null; then
      echo "failed to start tsspark-$name $instance; last lines of $log:"
      tail -n 10 "$log"
      rm -f "$f"
      return 1
    fi
    sleep 0.5
  done
  return 0
}

stop_daemon() { # <daemon> <instance>
  local f pid i
  f="$(pid_file "$1" "$2")"
  if ! daemon_running "$1" "$2"; then
    echo "no tsspark-$1 $2 to stop"
    rm -f "$f"
    return 0
  fi
  pid="$(cat "$f")"
  echo "stopping tsspark-$1 $2 (process $pid)"
  kill -TERM "$pid"
  for i in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
  rm -f "$f"
}

master_url() {
  echo "spark://${TSSPARK_MASTER_HOST:-127.0.0.1}:${TSSPARK_MASTER_PORT:-7077}"
}

# the localhost lines of conf/workers (no ssh: other hosts are reported and skipped)
local_worker_count() {
  local file="$TSSPARK_CONF_DIR/workers" n=0 line
  if [ ! -f "$file" ]; then
    echo 1
    return
  fi
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line%%#*}"
    line="$(echo "$line" | tr -d '[:space:]')"
    [ -z "$line" ] && continue
    case "$line" in
      localhost | 127.0.0.1 | ::1 | "$(hostname)") n=$((n + 1)) ;;
      *) echo "skipping worker host $line: only this host (localhost) is supported" >&2 ;;
    esac
  done <"$file"
  echo "$n"
}
