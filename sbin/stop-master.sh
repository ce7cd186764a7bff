#!/usr/bin/env bash
# Stops the tsspark-master started by start-master.sh.
set -euo pipefail
# shellcheck source=sbin/tsspark-config.sh
. "$(dirname "${BASH_SOURCE[0]}")/tsspark-config.sh"
stop_daemon master 1
