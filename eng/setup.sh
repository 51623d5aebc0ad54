#!/usr/bin/env bash
# Everything the tests and samples need on a fresh Debian 12 machine (run as root): Debian packages, a running
# Docker engine, the local toolchain and target images (built from Debian packages; no image registry is
# reachable), and the local OCI registries. Idempotent and cached: a second run takes seconds.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

step() { printf '\n=== %s\n' "$*" >&2; }

step "Debian packages"
bash "$here/install-prereqs.sh"
step "Docker engine"
bash "$here/start-docker.sh"
step "toolchain image (polycrate-toolchain:bookworm-2)"
bash "$here/build-toolchain-image.sh"
step "target image (polycrate-target:bookworm-1)"
bash "$here/build-target-image.sh"
step "local OCI registries"
bash "$here/start-registry.sh" >/dev/null
step "CI tools (gitlab-ci-local, rsync)"
bash "$here/install-ci-tools.sh"
