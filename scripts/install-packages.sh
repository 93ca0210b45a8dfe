#!/usr/bin/env bash
# Installs the Debian packages named as arguments when they are missing. A fresh CI machine has only the .NET SDK,
# make and apt, and runs as root; elsewhere this says what to install instead of failing half-way.
set -euo pipefail

missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# wireshark-common (tshark's dependency) asks whether non-root users may capture; answer "no" in advance so the
# install never waits on a question, whatever the debconf front end.
if command -v debconf-set-selections >/dev/null; then
  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
