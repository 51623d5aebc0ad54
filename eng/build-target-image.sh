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

tag="${1:-${POLYCRATE_TARGET_IMAGE:-polycrate-target:bookworm-1}}"

bash "$here/start-docker.sh"
if rootfs_image_exists "$tag"; then
  rootfs_log "image $tag exists; nothing to do"
  exit 0
fi

started=$SECONDS
dir=""
trap 'rootfs_cleanup "$dir"' EXIT
dir="$(rootfs_unpack)"
rootfs_install "$dir" openssh-server python3 sudo procps
# "*" instead of the locked "!": no password login, but sshd (without PAM) accepts key logins.
chroot "$dir" useradd --create-home --shell /bin/bash --password '*' polycrate
echo 'polycrate ALL=(ALL) NOPASSWD:ALL' >"$dir/etc/sudoers.d/polycrate" && chmod 0440 "$dir/etc/sudoers.d/polycrate"
cat >"$dir/etc/ssh/sshd_config.d/polycrate.conf" <<'CONF'
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
UsePAM no
CONF
# Host keys are made per container by the entrypoint, never baked into the image.
rm -f "$dir"/etc/ssh/ssh_host_*
install -m 0755 "$here/toolchain/target-entrypoint.sh" "$dir/usr/local/bin/polycrate-target-entrypoint"
rootfs_import "$dir" "$tag" \
  'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  'ENV LANG=C.UTF-8' \
  'EXPOSE 22' \
  'ENTRYPOINT ["/usr/local/bin/polycrate-target-entrypoint"]' \
  'CMD ["/usr/sbin/sshd", "-D", "-e"]'
rootfs_log "built $tag in $((SECONDS - started))s"
