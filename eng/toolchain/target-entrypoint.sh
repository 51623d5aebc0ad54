#!/bin/sh
# Entrypoint of polycrate-target images: installs the authorized keys given at start (env SSH_AUTHORIZED_KEYS or
# file /etc/polycrate/authorized_keys), makes this container's host keys, then runs the command (sshd).
set -eu
keys_file=/etc/polycrate/authorized_keys
keys=""
[ -n "${SSH_AUTHORIZED_KEYS:-}" ] && keys="$SSH_AUTHORIZED_KEYS"
[ -r "$keys_file" ] && keys="$keys
$(cat "$keys_file")"
if [ -z "$(printf '%s' "$keys" | tr -d '[:space:]')" ]; then
  echo "polycrate-target: no authorized key given; set SSH_AUTHORIZED_KEYS or mount a file at $keys_file" >&2
  exit 2
fi
for home in /root /home/polycrate; do
  mkdir -p "$home/.ssh"
  printf '%s\n' "$keys" | sed '/^[[:space:]]*$/d' >"$home/.ssh/authorized_keys"
  chmod 0700 "$home/.ssh"; chmod 0600 "$home/.ssh/authorized_keys"
done
chown -R polycrate:polycrate /home/polycrate/.ssh
unset SSH_AUTHORIZED_KEYS
ssh-keygen -A >/dev/null
mkdir -p /run/sshd
exec "$@"
