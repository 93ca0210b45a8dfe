#!/usr/bin/env bash
# usage: make-rootfs.sh [CACHE_DIR]
# Prints the path of a Debian 12 root folder (minbase + systemd as init + the package's Depends) that boots under
# user-mode-linux. debootstrap takes a minute or more, so the root is built once and kept under CACHE_DIR (default
# /var/cache/sip-isup-gateway-deb-lab), in a folder named after a hash of everything that shapes it (package list,
# suite, this script): changing any of them builds a new one, and the old one is removed. Runs never modify it
# (run-in-uml.sh boots a copy). Needs root: debootstrap, and the copy must keep root ownership.
# Everything but the final path goes to stderr, so callers can write root=$(make-rootfs.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${1:-${DEB_LAB_CACHE:-/var/cache/sip-isup-gateway-deb-lab}}
suite=bookworm
# The guest has no network: whatever apt-get install ./the.deb needs must already be in the root. Keep this list in
# step with Depends: in packaging/deb/control.in (adduser and init-system-helpers are what the maintainer scripts use).
# kmod: the package loads sctp with modprobe (postinst, modules-load.d), and the daemon refuses to start without it.
packages=(systemd systemd-sysv dbus rsyslog procps iproute2 kmod
          libc6 libgcc-s1 libstdc++6 libssl3 adduser init-system-helpers)
# The guest runs this kernel; its modules go where modprobe looks, as on any Debian machine.
uml_modules=$(ls -d /usr/lib/uml/modules/*/ 2>/dev/null | head -n 1)
[ -n "$uml_modules" ] || { echo "make-rootfs: no /usr/lib/uml/modules (apt-get install user-mode-linux)" >&2; exit 2; }
uml_modules=${uml_modules%/}

key=$( { echo "$suite" "$uml_modules"; dpkg-query -W -f='${Version}\n' user-mode-linux; printf '%s\n' "${packages[@]}"; cat "$0"; } | sha256sum | cut -c1-16)
root=$cache/root-$key
if [ -f "$root/.complete" ]; then
  echo "make-rootfs: reusing $root" >&2
  echo "$root"; exit 0
fi

# The mirror of this machine's apt sources (deb822 or one-line format), so no host name is written here.
mirror=${DEB_LAB_MIRROR:-$( { awk '/^URIs:/{print $2}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true
                              awk '/^deb /{print ($2 ~ /^\[/ ? $3 : $2)}' /etc/apt/sources.list \
                                  /etc/apt/sources.list.d/*.list 2>/dev/null || true; } | head -n 1)}
[ -n "$mirror" ] || { echo "make-rootfs: no Debian mirror in the apt sources; set DEB_LAB_MIRROR" >&2; exit 2; }

mkdir -p "$cache"
# Older roots (another package list) are 300 MB each: keep only the one in use.
find "$cache" -mindepth 1 -maxdepth 1 -name 'root-*' ! -name "root-$key" -exec rm -rf {} +
# A build that died half-way left no .complete: start it again from nothing.
rm -rf "$root" "$root.tmp"
started=$SECONDS
echo "make-rootfs: debootstrap $suite from $mirror into $root (once; later runs reuse it)" >&2
include=$(IFS=,; echo "${packages[*]}")
debootstrap --variant=minbase --include="$include" "$suite" "$root.tmp" "$mirror" >&2 ||
  { echo "make-rootfs: debootstrap failed (see $root.tmp/debootstrap/debootstrap.log)" >&2; exit 1; }
# The downloaded .debs are 40+ MB that every run would copy for nothing. The package lists stay: apt-get install
# ./the.deb resolves the Depends against them, offline.
rm -f "$root.tmp"/var/cache/apt/archives/*.deb
# Under UML every syscall is slow: apt parsing the lists on its first call costs ~30 s per run unless cached now.
chroot "$root.tmp" apt-cache gencaches >/dev/null
# dpkg fsyncs every file it unpacks, over hostfs. The guest is thrown away at power-off, so durability buys nothing:
# skip it, as Debian's own container images do (measured: apt-get install 41 s instead of 51 s, within the noise).
echo force-unsafe-io > "$root.tmp/etc/dpkg/dpkg.cfg.d/deb-lab-unsafe-io"
mkdir -p "$root.tmp/lib/modules"
cp -a "$uml_modules" "$root.tmp/lib/modules/"
echo deb-lab > "$root.tmp/etc/hostname"
touch "$root.tmp/.complete"
mv "$root.tmp" "$root"
echo "make-rootfs: built in $((SECONDS - started)) s: $(du -sh "$root" | cut -f1)" >&2
echo "$root"
