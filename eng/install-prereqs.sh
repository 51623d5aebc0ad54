#!/usr/bin/env bash
# Installs the Debian packages the integration tests and samples need.
# Idempotent: packages already present are not reinstalled.
set -euo pipefail
# clang + lld (+ zlib1g-dev): the native-AOT linker toolchain for the linux-x64 CLI tool package (dotnet publish/pack).
pkgs=(docker.io age skopeo debootstrap docker-registry apache2-utils openssh-client git iproute2 ca-certificates clang lld zlib1g-dev)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "eng: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
