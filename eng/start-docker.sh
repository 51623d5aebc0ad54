#!/usr/bin/env bash
# Makes a Docker engine answer on the local socket: installs docker.io when it is missing, starts dockerd in the
# background when nothing answers, and waits until the engine answers. Idempotent: exits at once when an engine
# already answers. Runs as root on a fresh Debian 12 machine (CI) as well as on a developer's machine.
#
#   DOCKER_HOST            unix:///path (default unix:///var/run/docker.sock); tcp://… is only checked, never started
#   DOCKERD_LOG            where dockerd writes its log (default /var/log/dockerd.log)
#   DOCKERD_START_TIMEOUT  seconds to wait for the engine to answer (default 90)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
host="${DOCKER_HOST:-unix:///var/run/docker.sock}"
log="${DOCKERD_LOG:-/var/log/dockerd.log}"
timeout="${DOCKERD_START_TIMEOUT:-90}"

case "$host" in
  unix://*) sock="${host#unix://}" ;;
  tcp://*)
    if curl -sf --max-time 5 "http://${host#tcp://}/_ping" >/dev/null; then
      echo "eng: docker engine answers on $host" >&2; exit 0
    fi
    echo "eng: no docker engine answers on DOCKER_HOST=$host; start it on that host, or unset DOCKER_HOST to use a local one" >&2
    exit 1 ;;
  *) echo "eng: unsupported DOCKER_HOST '$host' (expected unix:///path or tcp://host:port)" >&2; exit 1 ;;
esac

answers() { curl -sf --max-time 3 --unix-socket "$sock" http://localhost/_ping >/dev/null 2>&1; }

if answers; then
  echo "eng: docker engine already answers on $sock" >&2
  exit 0
fi

command -v dockerd >/dev/null 2>&1 || bash "$here/install-prereqs.sh"
command -v curl >/dev/null 2>&1 || { echo "eng: curl is needed to probe the engine" >&2; exit 1; }

# Waits until the engine answers; returns 1 when the timeout passes or the started daemon ($1, may be empty) died.
wait_for_engine() {
  local pid="$1" waited=0
  while ! answers; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    if [ "$waited" -ge "$timeout" ]; then return 1; fi
    sleep 1; waited=$((waited + 1))
  done
}

# On a machine booted with systemd the packaged unit is the right way to run the engine.
if [ -d /run/systemd/system ] && [ "$sock" = /var/run/docker.sock ] && command -v systemctl >/dev/null 2>&1; then
  echo "eng: starting docker through systemd" >&2
  if systemctl start docker && wait_for_engine ""; then
    echo "eng: docker engine answers on $sock" >&2; exit 0
  fi
  echo "eng: 'systemctl start docker' did not bring up an engine; starting dockerd directly" >&2
fi

# Starts dockerd detached from this script (it must outlive it) and prints its pid.
start_dockerd() {
  mkdir -p "$(dirname "$log")" "$(dirname "$sock")"
  echo "eng: starting dockerd $* (log: $log)" >&2
  setsid nohup dockerd -H "unix://$sock" "$@" >>"$log" 2>&1 </dev/null &
  echo $!
}

pid="$(start_dockerd)"
if wait_for_engine "$pid"; then
  echo "eng: docker engine answers on $sock" >&2; exit 0
fi

# Sandboxes without a usable netfilter refuse dockerd's iptables set-up. Without iptables rules containers on one
# user-defined bridge network still reach each other (plain layer-2 bridging); only port publishing and NAT to
# the outside are lost, which the tests and action containers do not need.
if ! kill -0 "$pid" 2>/dev/null && tail -n 50 "$log" | grep -qi 'iptables'; then
  echo "eng: dockerd failed to set up iptables; retrying with --iptables=false" >&2
  pid="$(start_dockerd --iptables=false --ip-masq=false)"
  if wait_for_engine "$pid"; then
    echo "eng: docker engine answers on $sock (iptables disabled)" >&2; exit 0
  fi
fi

echo "eng: dockerd did not answer on $sock within ${timeout}s. Last lines of $log:" >&2
tail -n 20 "$log" >&2 || true
echo "eng: fix the cause above, then run 'sudo systemctl start docker' or this script again" >&2
exit 1
