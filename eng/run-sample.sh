#!/usr/bin/env bash
# The README's main job: the nightly-maintenance sample (backup → update → verify) for real, against two target
# containers (db01 with an SQLite database, app01 with a small web service). Sets up everything it needs on a fresh
# Debian 12 machine (as root): Debian packages, the Docker engine, the toolchain and target images (built from Debian
# packages), the CLI (dotnet build), the targets and their one-time provisioning (the sample's `setup` action).
# A second run reuses all of it. Exit code: the workflow run's (0 success, an action's own code when it failed).
#
#   usage: eng/run-sample.sh [extra options for `workflows run`, e.g. --max-parallel 2]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
workspace="$root/samples/nightly-maintenance"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

step() { printf '\n=== %s\n' "$*" >&2; }

step "Debian packages, Docker engine, toolchain and target images"
bash "$here/install-prereqs.sh"
bash "$here/start-docker.sh"
bash "$here/build-toolchain-image.sh"
bash "$here/build-target-image.sh"

step "polycrate-build (dotnet build)"
command -v dotnet >/dev/null 2>&1 || { echo "eng/run-sample.sh: the .NET 10 SDK is needed (global.json); install it and run again" >&2; exit 1; }
dotnet build "$root/src/Polycrate.Build.Cli" -c Release -nologo -v q
polycrate_build() { dotnet "$root/src/Polycrate.Build.Cli/bin/Release/net10.0/polycrate-build.dll" "$@"; }

step "targets db01 (127.0.0.1:22211) and app01 (127.0.0.1:22212)"
bash "$here/samples/start-targets.sh" nightly-maintenance "$workspace"

step "one-time provisioning: polycrate-build run linux-maintenance setup"
polycrate_build -w "$workspace" run linux-maintenance setup

step "main job: polycrate-build workflows run nightly-maintenance"
started=$SECONDS
set +e
polycrate_build -w "$workspace" workflows run nightly-maintenance "$@"
status=$?
set -e

step "summary"
polycrate_build -w "$workspace" logs list 2>/dev/null | head -n 4 || true
echo "nightly-maintenance: exit code $status after $((SECONDS - started))s" >&2
exit "$status"
