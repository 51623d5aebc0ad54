#!/usr/bin/env bash
# Installs what the CI-export integration tests run pipelines with: gitlab-ci-local (npm, pinned; runs GitLab
# pipelines on this machine, jobs without an image in the shell) and rsync (gitlab-ci-local copies the project
# and job artifacts with it). Idempotent: nothing is reinstalled when the pinned version is already there.
set -euo pipefail
version=4.60.0
# Test classes may call this at the same time; one installs, the others wait and find it installed.
exec 9>/tmp/polycrate-install-ci-tools.lock
flock 9
if ! dpkg-query -W -f='${Status}' rsync 2>/dev/null | grep -q 'install ok installed'; then
  echo "eng: installing rsync" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends rsync >/dev/null
fi
if [ "$(gitlab-ci-local --version 2>/dev/null || true)" != "$version" ]; then
  echo "eng: installing gitlab-ci-local@$version" >&2
  npm install --global --no-audit --no-fund --loglevel=error "gitlab-ci-local@$version" >/dev/null
fi
gitlab-ci-local --version >/dev/null
