#!/usr/bin/env bash
# Starts a tsspark-master on this host in the background (extra arguments are passed to it).
# Honours TSSPARK_MASTER_HOST, TSSPARK_MASTER_PORT, TSSPARK_MASTER_WEBUI_PORT (conf/tsspark-env.sh).
set -euo pipefail
# shellcheck source=sbin/tsspark-config.sh
. "$(dirname "${BASH_SOURCE[0]}")/tsspark-config.sh"
start_daemon master 1 "$@"
