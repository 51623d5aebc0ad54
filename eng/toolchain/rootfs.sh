# shellcheck shell=bash
# Shared by eng/build-toolchain-image.sh and eng/build-target-image.sh (sourced, not run): a Debian minbase root
# file system made by debootstrap once and cached as a tarball, customised in a chroot, imported into the local
# Docker engine with `docker import`. No image registry is needed anywhere.
#
#   POLYCRATE_ENG_CACHE  cache directory for the base tarball (default eng/.cache, git-ignored)
#   DEBIAN_MIRROR        Debian mirror for debootstrap (default: the one this machine's apt sources use)

ROOTFS_SUITE=bookworm
ROOTFS_ENG_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOTFS_CACHE="${POLYCRATE_ENG_CACHE:-$ROOTFS_ENG_DIR/.cache}"

rootfs_log() { echo "eng: $*" >&2; }

rootfs_image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# debootstrap, chroot and mount need root; say so before doing anything.
rootfs_require_root() {
  [ "$(id -u)" -eq 0 ] || { rootfs_log "building images with debootstrap needs root; run: sudo $0"; exit 1; }
}

# The common start of an image build script: makes the engine answer, exits 0 at once when image $1 exists,
# checks for root, and unpacks the base root file system into ROOTFS_DIR (removed when the script exits).
rootfs_begin() {
  ROOTFS_TAG="$1"
  bash "$ROOTFS_ENG_DIR/start-docker.sh"
  if rootfs_image_exists "$ROOTFS_TAG"; then
    rootfs_log "image $ROOTFS_TAG exists; nothing to do"
    exit 0
  fi
  rootfs_require_root
  ROOTFS_STARTED=$SECONDS
  ROOTFS_DIR=""
  trap 'rootfs_cleanup "$ROOTFS_DIR"' EXIT
  ROOTFS_DIR="$(rootfs_unpack)"
}

# Prints the Debian mirror this machine's apt uses for the suite (one-line and deb822 sources), so debootstrap
# reaches the same mirror apt does; a machine that reaches no other host still works.
rootfs_mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  local files=() f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && files+=("$f")
  done
  [ ${#files[@]} -gt 0 ] || { rootfs_log "no apt sources found; set DEBIAN_MIRROR"; return 1; }
  awk -v suite="$ROOTFS_SUITE" '
    function flush() { if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " suite " ") && uri != "") { print uri; found = 1; exit } types = ""; suites = ""; uri = "" }
    /^deb[ \t]/ && !/^deb-src/ {            # one-line format: deb [options] URI suite components
      n = split($0, w, /[ \t]+/); i = 2
      if (w[i] ~ /^\[/) { while (w[i] !~ /\]$/) i++; i++ }
      if (w[i + 1] == suite) { print w[i]; found = 1; exit }
      next
    }
    /^Types:/  { types = $0; sub(/^Types:[ \t]*/, "", types) }
    /^Suites:/ { suites = $0; sub(/^Suites:[ \t]*/, "", suites) }
    /^URIs:/   { uri = $2 }
    /^[ \t]*$/ { flush() }
    END { if (!found) flush() }
  ' "${files[@]}" | head -n 1
}

# Prints the path of the cached minbase tarball, making it with debootstrap when it is missing.
rootfs_base_tarball() {
  local tarball="$ROOTFS_CACHE/$ROOTFS_SUITE-minbase.tar" mirror dir
  if [ -s "$tarball" ]; then echo "$tarball"; return; fi
  command -v debootstrap >/dev/null 2>&1 || bash "$ROOTFS_ENG_DIR/install-prereqs.sh"
  mirror="$(rootfs_mirror)"
  [ -n "$mirror" ] || { rootfs_log "found no apt source for $ROOTFS_SUITE; set DEBIAN_MIRROR"; return 1; }
  mkdir -p "$ROOTFS_CACHE"
  dir="$(mktemp -d "$ROOTFS_CACHE/debootstrap.XXXXXX")"
  rootfs_log "debootstrap --variant=minbase $ROOTFS_SUITE from $mirror"
  if ! debootstrap --variant=minbase "$ROOTFS_SUITE" "$dir" "$mirror" >"$ROOTFS_CACHE/debootstrap.log" 2>&1; then
    rootfs_log "debootstrap failed; last lines of $ROOTFS_CACHE/debootstrap.log:"; tail -n 20 "$ROOTFS_CACHE/debootstrap.log" >&2
    rm -rf "$dir"; return 1
  fi
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
  tar --numeric-owner -C "$dir" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
  rm -rf "$dir"
  echo "$tarball"
}

# Unpacks the base tarball into a fresh directory, prepared for apt-get in a chroot; prints the directory.
# Call rootfs_cleanup <dir> when done (the build scripts do it from an EXIT trap).
rootfs_unpack() {
  local tarball dir
  tarball="$(rootfs_base_tarball)"
  dir="$(mktemp -d "${TMPDIR:-/tmp}/polycrate-rootfs.XXXXXX")"
  tar --numeric-owner -C "$dir" -xf "$tarball"
  cp /etc/resolv.conf "$dir/etc/resolv.conf"
  # Services must not start inside the chroot during package installation.
  printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"; chmod 0755 "$dir/usr/sbin/policy-rc.d"
  mount -t proc proc "$dir/proc" 2>/dev/null || rootfs_log "could not mount /proc in the chroot; continuing without"
  echo "$dir"
}

# Installs packages (no recommends) inside the root file system and drops apt's caches from it. Downloaded .deb
# files are kept in the cache directory and offered to the next build, so a rebuild downloads nothing new.
rootfs_install() {
  local dir="$1"; shift
  local debs="$ROOTFS_CACHE/debs"
  mkdir -p "$debs"
  rootfs_log "installing $* into the image"
  find "$debs" -maxdepth 1 -name '*.deb' -exec cp -t "$dir/var/cache/apt/archives/" {} +
  chroot "$dir" /usr/bin/env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 sh -c \
    'apt-get -o APT::Sandbox::User=root update -qq && apt-get -o APT::Sandbox::User=root install -y -qq --no-install-recommends "$@" >/dev/null' sh "$@"
  find "$dir/var/cache/apt/archives" -maxdepth 1 -name '*.deb' -exec cp -n -t "$debs/" {} +
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin
}

# Imports ROOTFS_DIR as image ROOTFS_TAG; the arguments are `docker import --change` instructions.
rootfs_import() {
  local dir="$ROOTFS_DIR" tag="$ROOTFS_TAG"
  local changes=() c
  for c in "$@"; do changes+=(--change "$c"); done
  umount "$dir/proc" 2>/dev/null || true
  rm -f "$dir/usr/sbin/policy-rc.d"
  : >"$dir/etc/resolv.conf"
  rootfs_log "importing $tag"
  tar --numeric-owner -C "$dir" -c . | docker import "${changes[@]}" - "$tag" >/dev/null
  rootfs_log "built $tag in $((SECONDS - ROOTFS_STARTED))s"
}

rootfs_cleanup() {
  local dir="$1"
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  umount "$dir/proc" 2>/dev/null || true
  rm -rf "$dir"
}
