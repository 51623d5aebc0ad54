#!/usr/bin/env bash
# Builds the local toolchain image that action containers run in (Debian 12 minbase + ansible-core, openssh-client,
# python3, git), without any image registry: debootstrap → chroot apt-get → docker import.
# Exits at once when the image already exists (cache by tag).
#
#   usage: eng/build-toolchain-image.sh [TAG]    (default: $POLYCRATE_TOOLCHAIN_IMAGE or polycrate-toolchain:bookworm-1)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=toolchain/rootfs.sh
source "$here/toolchain/rootfs.sh"

rootfs_begin "${1:-${POLYCRATE_TOOLCHAIN_IMAGE:-polycrate-toolchain:bookworm-1}}"
rootfs_install "$ROOTFS_DIR" ansible-core openssh-client python3 git ca-certificates
# Ansible's default inventory; actions bring their own through ANSIBLE_INVENTORY.
mkdir -p "$ROOTFS_DIR/etc/ansible" "$ROOTFS_DIR/workspace" && : >"$ROOTFS_DIR/etc/ansible/hosts"
rootfs_import \
  'WORKDIR /workspace' \
  'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  'ENV LANG=C.UTF-8' \
  'ENV LC_ALL=C.UTF-8' \
  'CMD ["/bin/bash"]'
