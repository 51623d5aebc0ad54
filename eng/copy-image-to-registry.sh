#!/usr/bin/env bash
# Copies a local Docker image into a registry that needs the test user's password, with skopeo (installed by
# eng/install-prereqs.sh):  eng/copy-image-to-registry.sh SOURCE_IMAGE HOST:PORT/REPO:TAG PASSWORD_FILE
# The password is read from the file and given to skopeo through an auth file in a private temporary directory,
# never on a command line. Blobs already in the registry are not uploaded again.
set -euo pipefail
source_image="$1" target="$2" password_file="$3" user="${POLYCRATE_REGISTRY_USER:-polycrate}"
command -v skopeo >/dev/null || { echo "skopeo not found: run eng/install-prereqs.sh" >&2; exit 1; }
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
chmod 700 "$dir"
host="${target%%/*}"
auth="$(printf '%s:%s' "$user" "$(tr -d '\n' <"$password_file")" | base64 -w0)"
(umask 077; printf '{"auths":{"%s":{"auth":"%s"}}}\n' "$host" "$auth" >"$dir/auth.json")
skopeo copy --quiet --dest-tls-verify=false --dest-authfile "$dir/auth.json" "docker-daemon:$source_image" "docker://$target"
