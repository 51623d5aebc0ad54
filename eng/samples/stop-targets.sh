#!/usr/bin/env bash
# Removes the target containers of one sample, or of all samples without an argument (label polycrate.sample).
#
#   usage: eng/samples/stop-targets.sh [edge-fleet|nightly-maintenance]
set -euo pipefail
filter="label=polycrate.sample${1:+=$1}"
ids="$(docker ps -aq --filter "$filter")"
[ -z "$ids" ] || docker rm -f $ids >/dev/null
echo "eng: removed sample targets (${1:-all samples})" >&2
