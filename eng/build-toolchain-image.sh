#!/usr/bin/env bash
# Builds the local toolchain image that action containers run in, without any image registry: debootstrap → chroot
# apt-get → docker import. Close to Polycrate's image where real blocks depend on it: Debian 12 minbase + Ansible with
# the collections real blocks call (Debian's `ansible` package ships community.general, kubernetes.core,
# community.docker, ansible.posix …), `python` (→ python3), kubectl (Debian's kubernetes-client, 1.20), jq, curl,
# rsync, git, openssh-client and an empty /etc/ansible/hosts. Bump the tag when the package list changes.
# Exits at once when the image already exists (cache by tag).
#
#   usage: eng/build-toolchain-image.sh [TAG]    (default: $POLYCRATE_TOOLCHAIN_IMAGE or polycrate-toolchain:bookworm-2)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=toolchain/rootfs.sh
source "$here/toolchain/rootfs.sh"

rootfs_begin "${1:-${POLYCRATE_TOOLCHAIN_IMAGE:-polycrate-toolchain:bookworm-2}}"
rootfs_install "$ROOTFS_DIR" ansible ansible-core openssh-client python3 python-is-python3 python3-kubernetes git ca-certificates \
  jq curl rsync kubernetes-client
# Ansible's default inventory; actions bring their own through ANSIBLE_INVENTORY.
mkdir -p "$ROOTFS_DIR/etc/ansible" "$ROOTFS_DIR/workspace" && : >"$ROOTFS_DIR/etc/ansible/hosts"
rootfs_import \
  'WORKDIR /workspace' \
  'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  'ENV LANG=C.UTF-8' \
  'ENV LC_ALL=C.UTF-8' \
  'CMD ["/bin/bash"]'
