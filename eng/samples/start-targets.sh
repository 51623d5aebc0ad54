#!/usr/bin/env bash
# Starts the Ansible target containers of a sample (polycrate-target image: sshd + python3 + sudo) and waits until
# every sshd answers. Action containers use host networking, so each target publishes sshd on 127.0.0.1:<port> and
# the sample's inventory.yml points at 127.0.0.1 with that port (host names stay the inventory names).
#
#   usage: eng/samples/start-targets.sh edge-fleet|nightly-maintenance [WORKSPACE_DIR]
#
#   edge-fleet            pi-01..pi-05 on 127.0.0.1:22201..22205, each with a simulated edge-agent service
#   nightly-maintenance   db01 on 127.0.0.1:22211, app01 on 127.0.0.1:22212 (provisioned by the sample's setup action)
#
# The workspace SSH key WORKSPACE_DIR/artifacts/secrets/id_ed25519 (default: samples/<sample>) is generated when
# missing (git-ignored, never committed); its public key is authorized on the targets. Idempotent: running targets
# with the same key are kept, stopped ones are started again, ones made for another key are replaced.
# Containers carry the label polycrate.sample=<sample>; eng/samples/stop-targets.sh removes them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
sample="${1:-}"
image="${POLYCRATE_TARGET_IMAGE:-polycrate-target:bookworm-1}"

case "$sample" in
  edge-fleet) targets=(pi-01:22201 pi-02:22202 pi-03:22203 pi-04:22204 pi-05:22205) ;;
  nightly-maintenance) targets=(db01:22211 app01:22212) ;;
  *) echo "usage: $0 edge-fleet|nightly-maintenance [WORKSPACE_DIR]" >&2; exit 2 ;;
esac
workspace="$(cd "${2:-$repo/samples/$sample}" && pwd)"

bash "$repo/eng/start-docker.sh"
bash "$repo/eng/build-target-image.sh" "$image"
command -v ssh-keygen >/dev/null 2>&1 || bash "$repo/eng/install-prereqs.sh"

key="$workspace/artifacts/secrets/id_ed25519"
if [ ! -s "$key" ]; then
  mkdir -p "$(dirname "$key")"
  ssh-keygen -q -t ed25519 -N '' -C "polycrate-sample-$sample" -f "$key"
  echo "eng: generated the workspace SSH key $key" >&2
fi
[ -s "$key.pub" ] || ssh-keygen -y -f "$key" >"$key.pub"
pubkey="$(cat "$key.pub")"
keyhash="$(printf '%s' "$pubkey" | sha256sum | cut -c1-16)"

# The simulated edge device: an edge-agent service (init script + daemon), as a Raspberry Pi in the field would have.
provision_edge_device() {
  local name="$1"
  docker cp "$here/edge-device/edge-agent" "$name:/usr/local/bin/edge-agent"
  docker cp "$here/edge-device/edge-agent.init" "$name:/etc/init.d/edge-agent"
  docker exec "$name" sh -c 'chmod 0755 /usr/local/bin/edge-agent /etc/init.d/edge-agent
    mkdir -p /etc/edge-agent && { [ -s /etc/edge-agent/version ] || echo 2024.10.0 >/etc/edge-agent/version; }
    service edge-agent start >/dev/null'
}

ssh_answers() { # port → 0 when sshd sends its banner
  ( exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    IFS= read -r -t 2 line <&3 || true
    [[ "$line" == SSH-* ]] ) 2>/dev/null
}

for target in "${targets[@]}"; do
  name="${target%%:*}" port="${target##*:}"
  container="polycrate-sample-$name"
  if docker container inspect "$container" >/dev/null 2>&1; then
    if [ "$(docker container inspect -f '{{index .Config.Labels "polycrate.sample.key"}}' "$container")" != "$keyhash" ]; then
      echo "eng: $container was made for another key; replacing it" >&2
      docker rm -f "$container" >/dev/null
    elif [ "$(docker container inspect -f '{{.State.Running}}' "$container")" != true ]; then
      echo "eng: starting $container again" >&2
      docker start "$container" >/dev/null
    fi
  fi
  if ! docker container inspect "$container" >/dev/null 2>&1; then
    echo "eng: starting $container (sshd on 127.0.0.1:$port)" >&2
    docker run -d --name "$container" --hostname "$name" \
      --label "polycrate.sample=$sample" --label "polycrate.sample.key=$keyhash" \
      -p "127.0.0.1:$port:22" -e SSH_AUTHORIZED_KEYS="$pubkey" "$image" >/dev/null
  fi
done

for target in "${targets[@]}"; do
  name="${target%%:*}" port="${target##*:}"
  for _ in $(seq 1 100); do ssh_answers "$port" && break; sleep 0.1; done
  ssh_answers "$port" || { echo "eng: sshd of polycrate-sample-$name does not answer on 127.0.0.1:$port" >&2; docker logs "polycrate-sample-$name" >&2; exit 1; }
  [ "$sample" = edge-fleet ] && provision_edge_device "polycrate-sample-$name"
done
echo "eng: $sample targets answer: ${targets[*]}" >&2
