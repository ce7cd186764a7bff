#!/usr/bin/env bash
# Stops every tsspark-worker started by start-workers.sh on this host (their executors stop with them).
set -euo pipefail
# shellcheck source=sbin/tsspark-config.sh
. "$(dirname "${BASH_SOURCE[0]}")/tsspark-config.sh"
shopt -s nullglob
for f in "$TSSPARK_PID_DIR"/tsspark-"$TSSPARK_IDENT_STRING"-worker-*.pid; do
  instance="${f##*-worker-}"
  stop_daemon worker "${instance%.pid}"
done
