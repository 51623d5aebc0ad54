#!/usr/bin/env bash
# Starts three local OCI registries (Debian's docker-registry, distribution 2.8) on 127.0.0.1 for the
# registry integration tests:
#   anonymous        port $POLYCRATE_REGISTRY_ANON_PORT  (default 5101)
#   htpasswd Basic   port $POLYCRATE_REGISTRY_BASIC_PORT (default 5102)
#   token (Bearer)   port $POLYCRATE_REGISTRY_TOKEN_PORT (default 5103); its realm is
#                    http://127.0.0.1:$POLYCRATE_REGISTRY_TOKEN_SERVER_PORT/token (default 5104), a token
#                    server the TESTS run in-process, signing JWTs with $STATE/token.key (cert token.crt).
# Idempotent: a registry that is already running and answering is reused. State (configs, storage, pids,
# logs, the generated test password and token key) lives in $POLYCRATE_REGISTRY_STATE
# (default ${TMPDIR:-/tmp}/polycrate-registry). Prints the ports as KEY=VALUE lines, also written to
# $STATE/registry.env. `eng/start-registry.sh stop` stops the registries this script started.
set -euo pipefail

state="${POLYCRATE_REGISTRY_STATE:-${TMPDIR:-/tmp}/polycrate-registry}"
anon_port="${POLYCRATE_REGISTRY_ANON_PORT:-5101}"
basic_port="${POLYCRATE_REGISTRY_BASIC_PORT:-5102}"
token_port="${POLYCRATE_REGISTRY_TOKEN_PORT:-5103}"
token_server_port="${POLYCRATE_REGISTRY_TOKEN_SERVER_PORT:-5104}"
user="polycrate"
service="polycrate-test-registry"
issuer="polycrate-test-issuer"
modes=(anon basic token)

mkdir -p "$state"
chmod 700 "$state"

if [ "${1:-}" = "stop" ]; then
  for mode in "${modes[@]}"; do
    pidfile="$state/$mode/registry.pid"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      kill "$(cat "$pidfile")"
    fi
    rm -f "$pidfile"
  done
  exit 0
fi

command -v docker-registry >/dev/null || { echo "docker-registry not found: run eng/install-prereqs.sh" >&2; exit 1; }
command -v htpasswd >/dev/null || { echo "htpasswd not found: run eng/install-prereqs.sh (apache2-utils)" >&2; exit 1; }
command -v openssl >/dev/null || { echo "openssl not found" >&2; exit 1; }

# Test-only secrets, generated once and kept private to the state directory (never on a command line).
if [ ! -s "$state/password" ]; then
  (umask 077; openssl rand -hex 16 >"$state/password")
fi
if [ ! -s "$state/htpasswd" ]; then
  (umask 077; tr -d '\n' <"$state/password" | htpasswd -iBc "$state/htpasswd" "$user" 2>/dev/null)
fi
if [ ! -s "$state/token.key" ] || [ ! -s "$state/token.crt" ]; then
  (umask 077; openssl req -x509 -newkey rsa:2048 -nodes -keyout "$state/token.key" -out "$state/token.crt" \
    -days 3650 -subj "/CN=polycrate-test-token-issuer" 2>/dev/null)
fi

http_ok() { # port → 0 when GET /v2/ answers with any HTTP status line
  ( exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'GET /v2/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    IFS= read -r -t 2 line <&3 || true
    [[ "$line" == HTTP/* ]] ) 2>/dev/null
}

write_config() { # mode port
  local mode="$1" port="$2" dir="$state/$1" auth=""
  case "$mode" in
    basic) auth="auth:
  htpasswd:
    realm: polycrate-test
    path: $state/htpasswd" ;;
    token) auth="auth:
  token:
    realm: http://127.0.0.1:$token_server_port/token
    service: $service
    issuer: $issuer
    rootcertbundle: $state/token.crt" ;;
  esac
  mkdir -p "$dir/storage"
  cat >"$dir/config.yml" <<EOF
version: 0.1
log:
  level: info
  fields:
    service: registry-$mode
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
$auth
EOF
}

start() { # mode port
  local mode="$1" port="$2" dir="$state/$1"
  local pidfile="$dir/registry.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && http_ok "$port"; then
    return 0
  fi
  if http_ok "$port"; then
    echo "port $port is in use by another process; set POLYCRATE_REGISTRY_${mode^^}_PORT" >&2
    exit 1
  fi
  write_config "$mode" "$port"
  nohup docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 100); do
    http_ok "$port" && return 0
    kill -0 "$(cat "$pidfile")" 2>/dev/null || break
    sleep 0.1
  done
  echo "registry ($mode) did not start on port $port; log: $dir/registry.log" >&2
  tail -n 20 "$dir/registry.log" >&2 || true
  exit 1
}

start anon "$anon_port"
start basic "$basic_port"
start token "$token_port"

cat >"$state/registry.env" <<EOF
STATE_DIR=$state
ANON_PORT=$anon_port
BASIC_PORT=$basic_port
TOKEN_PORT=$token_port
TOKEN_SERVER_PORT=$token_server_port
USERNAME=$user
PASSWORD_FILE=$state/password
TOKEN_KEY=$state/token.key
TOKEN_CERT=$state/token.crt
TOKEN_SERVICE=$service
TOKEN_ISSUER=$issuer
ANON_STORAGE=$state/anon/storage
BASIC_STORAGE=$state/basic/storage
TOKEN_STORAGE=$state/token/storage
EOF
cat "$state/registry.env"
