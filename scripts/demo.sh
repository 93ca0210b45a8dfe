#!/usr/bin/env bash
# `make demo`: the gateway's main job on loopback. It starts the back-to-back example's pair: gateway B (standing in
# for the PSTN switch, M3UA/TCP server) and gateway A (the PBX side, as systemd would run it: a notify socket, syslog
# to a local socket). A's association to B comes up and goes active, each side resets its circuits (GRS, GRA back).
# Then SIPp places calls as the PBX (127.0.0.1:5061 → A on 5060) to SIPp as the callee behind B (127.0.0.1:5080):
# answered, busy, cancelled with the seeds' Reason, and carrying user-to-user information; each is printed as a
# ladder of what came in and went out at each gateway. Both stop on SIGTERM; it shows what systemd and syslog
# received, and the exit codes.
set -euo pipefail
cd "$(dirname "$0")/.."

# Prints one received datagram as one line (socat runs this once per datagram, in parallel), stamped with the
# time it arrived so that the lines can be put back in order.
if [ "${1:-}" = "--print-datagram" ]; then
  stamp=$(date +%s.%N)
  printf '%s %-8s %s\n' "$stamp" "$2" "$(tr '\n' ' ')"
  exit 0
fi

# socat stands in for systemd's notify socket and for a syslog daemon.
scripts/install-packages.sh socat sip-tester
echo "== building"
dotnet build src/Gateway -c Release -nologo -v quiet -clp:ErrorsOnly
daemon=src/Gateway/bin/Release/net10.0/sip-isup-gateway

work=$(mktemp -d /tmp/sip-isup-gateway-demo.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# systemd's notify socket and a syslog daemon's socket, stood in for by socat.
socat -u "UNIX-RECVFROM:$work/notify,unlink-early,fork" EXEC:"$PWD/scripts/demo.sh --print-datagram systemd" >"$work/systemd.log" 2>&1 &
pids+=($!)
socat -u "UNIX-RECVFROM:$work/syslog,unlink-early,fork" EXEC:"$PWD/scripts/demo.sh --print-datagram syslog" >"$work/syslog.log" 2>&1 &
pids+=($!)
for s in notify syslog; do
  for _ in $(seq 50); do [ -S "$work/$s" ] && break; sleep 0.1; done
done

# The example configurations, with syslog pointed at the demo's socket instead of /dev/log.
sed -e "s#\"path\": \"/dev/log\"#\"path\": \"$work/syslog\"#" examples/back-to-back/a.json >"$work/gateway.json"
sed -e "s#\"path\": \"/dev/log\"#\"path\": \"$work/syslog\"#" examples/back-to-back/b.json >"$work/gateway-b.json"

echo "== $daemon check-config"
"$daemon" check-config --config "$work/gateway.json"

echo "== gateway B (the PSTN side) run"
mkdir -p "$work/run-a" "$work/run-b"   # what systemd's RuntimeDirectory= gives each: its control socket's home
RUNTIME_DIRECTORY="$work/run-b" "$daemon" run --config "$work/gateway-b.json" >"$work/console-b.log" 2>&1 &
gwb=$!
pids+=("$gwb")

echo "== $daemon run (NOTIFY_SOCKET=$work/notify)"
NOTIFY_SOCKET="$work/notify" WATCHDOG_USEC=2000000 RUNTIME_DIRECTORY="$work/run-a" "$daemon" run --config "$work/gateway.json" >"$work/console.log" 2>&1 &
gw=$!
for _ in $(seq 300); do grep -q READY=1 "$work/systemd.log" && break; sleep 0.1; done
grep -q READY=1 "$work/systemd.log" || { echo "the daemon did not report READY=1"; cat "$work/console.log"; exit 1; }
# The association comes up, then each side's GRS is answered with a GRA: ISUP over M3UA both ways.
for _ in $(seq 300); do grep -q "event=reset-completed" "$work/console.log" && break; sleep 0.1; done
grep -q "event=reset-completed" "$work/console.log" || { echo "gateway A's circuits were not reset over M3UA"; cat "$work/console.log" "$work/console-b.log"; exit 1; }
# Calls. Each flow: SIPp as the callee behind B first, then SIPp as the PBX calling through A; then its ladder.
scenarios=tests/Gateway.Tests/EndToEnd/Sipp
flow() {
  local title=$1 uac=$2 uas=$3; shift 3
  local from_a from_b
  from_a=$(wc -l <"$work/console.log") from_b=$(wc -l <"$work/console-b.log")
  echo "== call: $title"
  (cd "$scenarios" && sipp -sf "$uas" -i 127.0.0.1 -p 5080 -m 1 -nostdin -timeout 20s -timeout_error \
    -key service 4930123456 >"$work/uas.out" 2>&1) &
  local uas_pid=$!
  for _ in $(seq 50); do grep -q ':13D8 ' /proc/net/udp 2>/dev/null && break; sleep 0.1; done   # 5080 bound
  local status=ok
  (cd "$scenarios" && sipp -sf "$uac" -i 127.0.0.1 -p 5061 -m 1 -nostdin -timeout 20s -timeout_error \
    -s 4930123456 "$@" 127.0.0.1:5060 >"$work/uac.out" 2>&1) || status="the PBX's SIPp failed"
  wait "$uas_pid" || status="${status/ok/}${status:+; }the callee's SIPp failed"
  sleep 0.3
  { tail -n +$((from_a + 1)) "$work/console.log" | sed 's/^/A /'
    tail -n +$((from_b + 1)) "$work/console-b.log" | sed 's/^/B /'; } | sort -k2,2 | awk -f scripts/ladder.awk
  echo "   result: $status"
}
flow "answered, then the PBX hangs up" uac-call.xml uas-answer.xml
flow "the callee is busy (486 => REL 17 => 486 with Reason)" uac-busy.xml uas-busy.xml
flow "the PBX cancels with the seeds' Reason: SIP ;cause=486 ;text=\"Busy Here\"" uac-cancel.xml uas-ring-cancel.xml \
  -key reason_header 'Reason: SIP ;cause=486 ;text="Busy Here"'
flow "INFO with user-to-user information (USR across ISUP)" uac-info.xml uas-info.xml

echo "== the operator's view of gateway A: $daemon status (and the first circuits of DPC 2, as JSON)"
"$daemon" status --socket "$work/run-a/control.sock"
"$daemon" circuits 2 --json --socket "$work/run-a/control.sock" | head -n 18

sleep 1.5   # long enough to see the watchdog petted
echo "== SIGTERM"
kill -TERM "$gw" "$gwb"
code=0
wait "$gw" || code=$?
codeb=0
wait "$gwb" || codeb=$?
sleep 0.3

echo "== what systemd received (sd_notify datagrams)"
sort -n "$work/systemd.log" | cut -d' ' -f2-
echo "== what syslog received"
sort -n "$work/syslog.log" | cut -d' ' -f2-
echo "== console of gateway A"
cat "$work/console.log"
echo "== console of gateway B"
cat "$work/console-b.log"
echo "== exit codes: A $code, B $codeb"
[ "$code" -eq 0 ] && [ "$codeb" -eq 0 ]
