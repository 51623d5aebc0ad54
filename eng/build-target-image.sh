#!/usr/bin/env bash
# Builds the local image for Ansible target hosts: Debian 12 minbase + openssh-server, python3, sudo, procps,
# running `/usr/sbin/sshd -D -e`. Shares the cached debootstrap tarball with eng/build-toolchain-image.sh.
# Exits at once when the image already exists (cache by tag).
#
#   usage: eng/build-target-image.sh [TAG]    (default: $POLYCRATE_TARGET_IMAGE or polycrate-target:bookworm-1)
#
# Authorized key: give the public key(s) at container start, either
#   - as environment variable SSH_AUTHORIZED_KEYS (one or more public key lines), or
#   - as a read-only bind mount of a file at /etc/polycrate/authorized_keys.
# The entrypoint installs them for root and for the user `polycrate` (passwordless sudo), makes fresh host keys
# per container, and execs the command (default `/usr/sbin/sshd -D -e`). Password login is disabled.
#   docker run -d -e SSH_AUTHORIZED_KEYS="$(cat id_ed25519.pub)" --network polycrate-test polycrate-target:bookworm-1
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=toolchain/rootfs.sh
source "$here/toolchain/rootfs.sh"

rootfs_begin "${1:-${POLYCRATE_TARGET_IMAGE:-polycrate-target:bookworm-1}}"
rootfs_install "$ROOTFS_DIR" openssh-server python3 sudo procps
# "*" instead of the locked "!": no password login, but sshd (without PAM) accepts key logins.
chroot "$ROOTFS_DIR" useradd --create-home --shell /bin/bash --password '*' polycrate
echo 'polycrate ALL=(ALL) NOPASSWD:ALL' >"$ROOTFS_DIR/etc/sudoers.d/polycrate" && chmod 0440 "$ROOTFS_DIR/etc/sudoers.d/polycrate"
cat >"$ROOTFS_DIR/etc/ssh/sshd_config.d/polycrate.conf" <<'CONF'
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
UsePAM no
CONF
# Host keys are made per container by the entrypoint, never baked into the image.
rm -f "$ROOTFS_DIR"/etc/ssh/ssh_host_*
install -m 0755 "$here/toolchain/target-entrypoint.sh" "$ROOTFS_DIR/usr/local/bin/polycrate-target-entrypoint"
rootfs_import \
  'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  'ENV LANG=C.UTF-8' \
  'EXPOSE 22' \
  'ENTRYPOINT ["/usr/local/bin/polycrate-target-entrypoint"]' \
  'CMD ["/usr/sbin/sshd", "-D", "-e"]'
