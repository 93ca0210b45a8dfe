#!/usr/bin/env bash
# usage: with-osmo-stp.sh [-c CONFIG] [-w WAIT_S] [-l LOG] -- COMMAND [ARG...]
#
# Inside the lab: starts osmo-stp (Osmocom's signalling transfer point, an M3UA peer we did not write) with CONFIG
# (default: osmo-stp.cfg beside this script: two ASPs on 127.0.0.1:2905), waits until it really listens, runs
# COMMAND, stops osmo-stp, and exits with COMMAND's status. For M3UA tests, e.g.
#   scripts/sctp-lab/run-in-uml.sh -- scripts/sctp-lab/with-osmo-stp.sh -- dotnet test ... --filter Category=Stp
#
# "Really listens" means its SCTP endpoint is in /proc/net/sctp/eps: osmo-stp keeps running when it cannot bind
# (no SCTP in the kernel, port taken), so a live process proves nothing. It exits 1, with the end of osmo-stp's log,
# when osmo-stp dies or has not bound within WAIT_S seconds (default 20). Its log goes to LOG (default
# $SCTP_LAB_OSMO_STP_LOG, else /tmp/osmo-stp.log); COMMAND sees OSMO_STP_PID, OSMO_STP_PORT and OSMO_STP_LOG.
# osmo-stp silently drops DATA whose payload protocol identifier is not 3 (M3UA) or that travels on stream 0.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
config=$here/osmo-stp.cfg wait_s=20 log=${SCTP_LAB_OSMO_STP_LOG:-/tmp/osmo-stp.log}
usage() { sed -n '2s/^# //p' "$0" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    -c) [ $# -ge 2 ] || usage; config=$2; shift 2 ;;
    -w) [ $# -ge 2 ] || usage; wait_s=$2; shift 2 ;;
    -l) [ $# -ge 2 ] || usage; log=$2; shift 2 ;;
    --) shift; break ;;
    -*) usage ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || usage
fail() { echo "with-osmo-stp: FAILED: $*" >&2; exit 1; }

command -v osmo-stp >/dev/null || fail "osmo-stp is missing (apt-get install osmo-stp; make test-sctp does it)"
[ -r "$config" ] || fail "cannot read $config"
[ -e /proc/net/sctp/eps ] || fail "no SCTP in this kernel (/proc/net/sctp is missing): run this inside run-in-uml.sh"
config=$(cd "$(dirname "$config")" && pwd)/$(basename "$config")
port=$(awk '$1 == "listen" && $2 == "m3ua" { print $3; exit }' "$config")
port=${port:-2905}
mkdir -p "$(dirname "$log")"

listening() { awk -v p="$port" 'NR > 1 && $6 == p { found = 1 } END { exit !found }' /proc/net/sctp/eps; }
listening && fail "something already listens on SCTP port $port"

# osmo-stp reads nothing but its configuration; run it from a scratch folder so that nothing it may write lands in
# the caller's tree.
(cd /tmp && exec osmo-stp -c "$config") >"$log" 2>&1 &
stp=$!
stop() {
  kill -TERM "$stp" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 "$stp" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$stp" 2>/dev/null || true
}
trap stop EXIT

deadline=$((SECONDS + wait_s))
until listening; do
  if ! kill -0 "$stp" 2>/dev/null; then
    wait "$stp" || true
    echo "--- end of $log" >&2; tail -n 20 "$log" >&2
    fail "osmo-stp exited before it listened on SCTP port $port"
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "--- end of $log" >&2; tail -n 20 "$log" >&2
    fail "osmo-stp (pid $stp) did not listen on SCTP port $port within $wait_s s"
  fi
  sleep 0.1
done
echo "with-osmo-stp: osmo-stp (pid $stp) listens on SCTP port $port; log: $log"

status=0
OSMO_STP_PID=$stp OSMO_STP_PORT=$port OSMO_STP_LOG=$log "$@" || status=$?
stop
trap - EXIT
exit "$status"
