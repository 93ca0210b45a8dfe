#!/usr/bin/env bash
# usage: run-in-uml.sh [-C DIR] [-t TIMEOUT_S] [-m MEM] [-e NAME=VALUE]... -- COMMAND [ARG...]
#
# Runs COMMAND under a user-mode-linux (UML) kernel, which has SCTP even where the host kernel has none (our build
# and CI machines). UML is an ordinary process: no root, no KVM, no network. Inside it the host's / is visible
# read-only, so the host's dotnet, osmo-stp and lksctp-tools run there as they are; DIR (default: the current
# directory) is the one read-write folder, at the same path, and COMMAND starts in it. guest-init.sh, this folder's
# PID 1, loads SCTP before COMMAND runs; see docs/testing-sctp.md.
#
# Exit status: COMMAND's own, or 125 when UML gave none (it timed out after TIMEOUT_S seconds, default 1200, or
# crashed, or could not start). Everything the guest prints (COMMAND's stdout and stderr alike) arrives on stdout.
# -m sets the guest's memory (default 2G; it is only taken from the host as the guest touches it).
# SCTP_LAB_WITHOUT_SCTP=1 boots the guest without SCTP, to see what a run makes of its absence.
# -e passes one more environment variable into the guest; PATH, CI, NUGET_PACKAGES, DOTNET_ROOT, TERM and every
# SCTP_LAB_* variable of the caller pass on their own, and the guest always has SCTP_LAB=1.
set -euo pipefail

usage() { sed -n '2s/^# //p' "$0" >&2; exit 2; }

lab=$(cd "$(dirname "$0")" && pwd)
dir=$PWD timeout_s=1200 mem=2G
extra_env=()
while [ $# -gt 0 ]; do
  case $1 in
    -C) [ $# -ge 2 ] || usage; dir=$2; shift 2 ;;
    -t) [ $# -ge 2 ] || usage; timeout_s=$2; shift 2 ;;
    -m) [ $# -ge 2 ] || usage; mem=$2; shift 2 ;;
    -e) [ $# -ge 2 ] || usage; [[ $2 == [A-Za-z_]*=* ]] || usage; extra_env+=("$2"); shift 2 ;;
    --) shift; break ;;
    -h|--help) usage ;;
    -*) echo "run-in-uml: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || usage
[[ $timeout_s =~ ^[0-9]+$ ]] || { echo "run-in-uml: -t wants whole seconds, not '$timeout_s'" >&2; exit 2; }
[[ $mem =~ ^[0-9]+[KMG]?$ ]] || { echo "run-in-uml: -m wants a size like 2G or 1536M, not '$mem'" >&2; exit 2; }
dir=$(cd "$dir" && pwd) || exit 2
# The guest mounts DIR with `mount -o DIR`, whose option list is split at commas.
case $dir in *,*) echo "run-in-uml: the read-write folder's path may not contain a comma: $dir" >&2; exit 2 ;; esac

kernel=/usr/bin/linux.uml
if [ ! -x "$kernel" ]; then
  echo "run-in-uml: $kernel is missing (apt-get install user-mode-linux busybox-static; make test-sctp does it)" >&2
  exit 125
fi

# One private folder per run carries the command in and its exit status out; the guest mounts it read-write at
# /run/sctp-lab. UML's own run files (uml_dir) go there too, so nothing is left behind in the caller's folders.
ctl=$(mktemp -d "${TMPDIR:-/tmp}/sctp-lab.XXXXXX")
# Both paths go on the kernel's command line, which is split at spaces.
for path in "$lab" "$ctl"; do
  case $path in *[[:space:]]*)
    echo "run-in-uml: this path may not contain spaces (it goes on UML's command line): $path" >&2
    rmdir "$ctl"; exit 2 ;;
  esac
done
uml_pid=
cleanup() {
  [ -z "$uml_pid" ] || kill -TERM "$uml_pid" 2>/dev/null || true
  rm -rf "$ctl"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

printf '%s\n' "$dir" > "$ctl/workdir"
# To see how the tests fail without SCTP: SCTP_LAB_WITHOUT_SCTP=1 keeps the guest from loading it.
[ "${SCTP_LAB_WITHOUT_SCTP:-}" != 1 ] || touch "$ctl/without-sctp"
{
  echo '# written by run-in-uml.sh; run by guest-init.sh inside UML'
  # HOME is a fresh tmpfs at every boot, so each dotnet run is its first: skip what that would check and print.
  echo 'export SCTP_LAB=1 HOME=/tmp/home DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1'
  echo 'export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_SKIP_WORKLOAD_INTEGRITY_CHECK=1'
  # The host's NuGet folder is where the build's packages are; inside, HOME is a fresh tmpfs.
  printf 'export NUGET_PACKAGES=%q\n' "${NUGET_PACKAGES:-$HOME/.nuget/packages}"
  for name in PATH CI DOTNET_ROOT TERM $(compgen -e | grep '^SCTP_LAB_' || true); do
    [ -n "${!name+set}" ] && printf 'export %s=%q\n' "$name" "${!name}"
  done
  # Inside, the command always writes to a terminal (the console). When we write to a file or a pipe, say the
  # terminal is dumb, so that colours and cursor codes stay out of logs as they would on the host.
  [ -t 1 ] || echo 'export TERM=dumb'
  for assignment in "${extra_env[@]}"; do
    printf 'export %s=%q\n' "${assignment%%=*}" "${assignment#*=}"
  done
  printf 'mkdir -p "$HOME" && cd %q || exit 126\n' "$dir"
  printf 'exec'; printf ' %q' "$@"; printf '\n'
} > "$ctl/command"

# The guest's console reaches our stdout through a FIFO and cat, never as our terminal itself: UML puts a terminal it
# is given into raw mode, and then Ctrl-C would no longer stop the run (and lines would lose their carriage returns).
# The relay also drops the kernel's farewell at power-off, the one line the guest cannot silence.
mkfifo "$ctl/console"
sed -u '/^reboot: System halted$/d' "$ctl/console" &
relay=$!

# hostfs root (the host's /, read-only); quiet and loglevel=1 keep the boot silent; con0 is the console the guest
# writes to, and every other console is off. What follows -- reaches the init as its argument. timeout runs UML in a
# process group of its own and stops all of it (UML is several host processes).
timeout -k 10 "$timeout_s" "$kernel" \
  umid="sctp-lab-$$" uml_dir="$ctl" mem="$mem" \
  root=/dev/root rootfstype=hostfs rootflags=/ ro quiet loglevel=1 \
  con=null con0=null,fd:1 \
  init="$lab/guest-init.sh" -- "$ctl" \
  </dev/null >"$ctl/console" 2>"$ctl/uml.stderr" &
uml_pid=$!
uml_status=0
wait "$uml_pid" || uml_status=$?
uml_pid=
wait "$relay" || true

if [ ! -s "$ctl/status" ]; then
  if [ "$uml_status" -eq 124 ]; then
    echo "run-in-uml: no result: the guest was still running after ${timeout_s} s and was stopped" >&2
  else
    echo "run-in-uml: no result: UML ended (status $uml_status) before the command reported one" >&2
  fi
  if [ -s "$ctl/uml.stderr" ]; then
    echo "run-in-uml: UML's own messages:" >&2
    tail -n 20 "$ctl/uml.stderr" | sed 's/^/  /' >&2
  fi
  exit 125
fi
status=$(cat "$ctl/status")
[[ $status =~ ^[0-9]+$ ]] || { echo "run-in-uml: unreadable status '$status'" >&2; exit 125; }
exit "$status"
