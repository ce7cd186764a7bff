#!/usr/bin/env bash
# Starts one tsspark-worker per localhost line of $TSSPARK_CONF_DIR/workers (one when the file is missing), all
# attached to spark://$TSSPARK_MASTER_HOST:$TSSPARK_MASTER_PORT. Worker i gets web UI port TSSPARK_WORKER_WEBUI_PORT+i-1
# (0 stays 0: free ports) and work directory $TSSPARK_WORKER_DIR/worker-i. Extra arguments are passed to every worker.
set -euo pipefail
# shellcheck source=sbin/tsspark-config.sh
. "$(dirname "${BASH_SOURCE[0]}")/tsspark-config.sh"
count="$(local_worker_count)"
base_ui="${TSSPARK_WORKER_WEBUI_PORT:-8081}"
work="${TSSPARK_WORKER_DIR:-$TSSPARK_HOME/work}"
status=0
for i in $(seq 1 "$count"); do
  ui=$base_ui
  [ "$base_ui" != 0 ] && ui=$((base_ui + i - 1))
  TSSPARK_WORKER_WEBUI_PORT=$ui TSSPARK_WORKER_DIR="$work/worker-$i" start_daemon worker "$i" "$(master_url)" "$@" || status=1
done
exit $status
