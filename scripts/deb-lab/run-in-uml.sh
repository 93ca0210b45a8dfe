#!/usr/bin/env bash
# usage: run-in-uml.sh -r ROOT -s SHARE [-t TIMEOUT_S] [-m MEM] -- COMMAND [ARG...]
#
# Boots a throw-away copy of ROOT (make-rootfs.sh) under user-mode-linux with systemd as PID 1 -- the only way to
# get a real systemd here: CI's machine has neither systemd as init nor KVM. SHARE, a host folder, is mounted
# read-write at /lab through hostfs; once the system is up, deb-lab-test.service runs COMMAND there with bash,
# leaves its exit status, the journal and /var/log/syslog in SHARE/result/ and powers the guest off.
# The console (systemd's boot and COMMAND's output) goes to stdout and SHARE/result/console.log.
#
# Exit status: COMMAND's; 125 when none came back (timeout after TIMEOUT_S, default 600; crash; failed boot).
# Needs root: the copy must keep root ownership, and hostfs writes as the user running UML.
set -euo pipefail
lab=$(cd "$(dirname "$0")" && pwd)
usage() { sed -n '2s/^# //p' "$0" >&2; exit 2; }
root= share= timeout_s=600 mem=1G
while [ $# -gt 0 ]; do
  case $1 in
    -r) root=$2; shift 2 ;; -s) share=$2; shift 2 ;; -t) timeout_s=$2; shift 2 ;; -m) mem=$2; shift 2 ;;
    --) shift; break ;; *) usage ;;
  esac
done
[ -n "$root" ] && [ -n "$share" ] && [ $# -gt 0 ] || usage
[ -x "$root/lib/systemd/systemd" ] || { echo "run-in-uml: $root has no systemd (make-rootfs.sh)" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "run-in-uml: needs root" >&2; exit 2; }
share=$(cd "$share" && pwd)

run=$(mktemp -d "${TMPDIR:-/tmp}/deb-lab.XXXXXX")
# Every path goes on the kernel command line or into fstab, both split at spaces (and hostfs options at commas).
case "$share$run" in *[[:space:],]*) echo "run-in-uml: no spaces or commas in $share or $run" >&2; exit 2 ;; esac
uml_pid=
cleanup() { [ -z "$uml_pid" ] || kill -TERM "$uml_pid" 2>/dev/null || true; rm -rf "$run"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

started=$SECONDS
# The copy is what the guest changes (installs, purges, journals): the cached root stays as debootstrap left it.
cp -a --reflink=auto "$root" "$run/root"
guest=$run/root
install -m 0644 "$lab/guest/deb-lab-test.service" "$guest/etc/systemd/system/"
install -D -m 0755 "$lab/guest/deb-lab-run" "$guest/usr/local/sbin/deb-lab-run"
mkdir -p "$guest/lab" "$guest/etc/systemd/system.conf.d"
echo "none /lab hostfs $share 0 0" >> "$guest/etc/fstab"
# A daemon that hangs on stop must fail the run within seconds, not stall it for systemd's default 90 s.
printf '[Manager]\nDefaultTimeoutStopSec=20s\n' > "$guest/etc/systemd/system.conf.d/deb-lab.conf"
copied=$SECONDS

printf '%q ' "$@" > "$share/command"; echo >> "$share/command"
rm -rf "$share/result"; mkdir -p "$share/result"

# con0 is the one console. It reaches our stdout through a FIFO, never as a terminal (UML would put a terminal into
# raw mode, and Ctrl-C would no longer stop it); UML runs in the background so that the traps above still fire.
# No getty: nobody logs in, and it would hold the console. timeout stops UML's whole process group.
mkfifo "$run/console"
sed -u '/^reboot: System halted$/d' "$run/console" | tee "$share/result/console.log" &
relay=$!
uml_status=0
timeout -k 10 "$timeout_s" /usr/bin/linux.uml umid="deb-lab-$$" uml_dir="$run" mem="$mem" \
  root=/dev/root rootfstype=hostfs rootflags="$guest" rw quiet \
  con=null con0=null,fd:1 init=/lib/systemd/systemd TERM=dumb \
  systemd.wants=deb-lab-test.service systemd.mask=getty@tty1.service systemd.mask=serial-getty@ttyS0.service \
  </dev/null >"$run/console" 2>&1 &
uml_pid=$!
wait "$uml_pid" || uml_status=$?
uml_pid=
wait "$relay" || true
echo "run-in-uml: copy of the root $((copied - started)) s, boot + command + power-off $((SECONDS - copied)) s" >&2

if [ ! -s "$share/result/rc" ]; then
  echo "run-in-uml: no result from the guest (UML status $uml_status: timed out after $timeout_s s, crashed, or did not boot)" >&2
  exit 125
fi
rc=$(cat "$share/result/rc")
[[ $rc =~ ^[0-9]+$ ]] || { echo "run-in-uml: unreadable status '$rc'" >&2; exit 125; }
exit "$rc"
