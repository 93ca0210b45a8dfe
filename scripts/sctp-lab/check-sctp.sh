#!/usr/bin/env bash
# usage: check-sctp.sh [-- COMMAND [ARG...]]
#
# Proves that this kernel's SCTP carries data before anything relies on it, then runs COMMAND (when given) in its
# place. Meant for the inside of the lab (run-in-uml.sh -- scripts/sctp-lab/check-sctp.sh -- dotnet test ...), where
# a missing SCTP must fail the run instead of letting the SCTP tests take their "no SCTP in this kernel" path and
# pass without having touched SCTP. It uses lksctp-tools: sctp_test sends 1-, 1453- and 32768-byte messages (the
# large ones fragmented and reassembled) over an association on 127.0.0.1 and the receiver must count every one.
#
# Exit status: 3 when SCTP is missing or does not work (so that a caller can tell that from a failing COMMAND),
# otherwise COMMAND's.
set -euo pipefail

fail() { echo "check-sctp: FAILED: $*" >&2; exit 3; }
for tool in checksctp sctp_test; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install lksctp-tools)"
done
if [ ! -e /proc/net/sctp ]; then
  hint=
  [ "${SCTP_LAB:-}" = 1 ] && hint=" (the lab's init did not load it: see its messages above)"
  fail "no SCTP in this kernel: /proc/net/sctp is missing$hint"
fi
checksctp >/dev/null 2>&1 || fail "no SCTP in this kernel: checksctp cannot open an SCTP socket ($(checksctp 2>&1 | tail -n 1))"

scratch=$(mktemp -d)
receiver=
cleanup() {
  [ -z "$receiver" ] || kill "$receiver" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT

port_in=${SCTP_LAB_CHECK_PORT:-19901}
port_out=$((port_in + 1))
listening() { awk -v p="$1" 'NR > 1 && $6 == p { found = 1 } END { exit !found }' /proc/net/sctp/eps; }

sctp_test -H 127.0.0.1 -P "$port_in" -l >"$scratch/receiver.log" 2>&1 &
receiver=$!
for _ in $(seq 100); do listening "$port_in" && break; sleep 0.05; done
listening "$port_in" || fail "the receiver never listened on SCTP port $port_in: $(tail -n 3 "$scratch/receiver.log")"

# -c 3: messages of 1, 1453 and 32768 bytes in turn; -x 2: the whole sequence twice, on one association.
sctp_test -H 127.0.0.1 -P "$port_out" -h 127.0.0.1 -p "$port_in" -s -c 3 -x 2 >"$scratch/sender.log" 2>&1 ||
  fail "the sender failed: $(tail -n 3 "$scratch/sender.log")"
sent=$(grep -c 'sendmsg(' "$scratch/sender.log" || true)

# The association ends with SHUTDOWN_COMPLETE once the receiver has everything.
for _ in $(seq 100); do grep -q 'SHUTDOWN_COMPLETE' "$scratch/receiver.log" && break; sleep 0.05; done
received=$(grep -c 'recvmsg(.*) Data' "$scratch/receiver.log" || true)
if [ "$sent" -eq 0 ] || [ "$received" -ne "$sent" ]; then
  fail "sent $sent messages but the receiver got $received"
fi
echo "check-sctp: kernel SCTP works: $received messages of 1 to 32768 bytes crossed an association on 127.0.0.1"

[ "${1:-}" = "--" ] && shift
[ $# -gt 0 ] || exit 0
kill "$receiver" 2>/dev/null || true
receiver=
rm -rf "$scratch"
trap - EXIT
exec "$@"
