#!/usr/bin/env bash
# `make demo`: the gateway's main job on loopback. It starts the daemon with the back-to-back example's PBX-side
# configuration as systemd would (a notify socket, syslog to a local socket), shows READY=1, the syslog lines,
# then stops it with SIGTERM and shows STOPPING=1 and the exit code.
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
scripts/install-packages.sh socat
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

# The example configuration, with syslog pointed at the demo's socket instead of /dev/log.
sed -e "s#\"path\": \"/dev/log\"#\"path\": \"$work/syslog\"#" examples/back-to-back/a.json >"$work/gateway.json"

echo "== $daemon check-config"
"$daemon" check-config --config "$work/gateway.json"

echo "== $daemon run (NOTIFY_SOCKET=$work/notify)"
NOTIFY_SOCKET="$work/notify" WATCHDOG_USEC=2000000 "$daemon" run --config "$work/gateway.json" >"$work/console.log" 2>&1 &
gw=$!
for _ in $(seq 300); do grep -q READY=1 "$work/systemd.log" && break; sleep 0.1; done
grep -q READY=1 "$work/systemd.log" || { echo "the daemon did not report READY=1"; cat "$work/console.log"; exit 1; }
sleep 1.5   # long enough to see the watchdog petted
echo "== SIGTERM"
kill -TERM "$gw"
code=0
wait "$gw" || code=$?
sleep 0.3

echo "== what systemd received (sd_notify datagrams)"
sort -n "$work/systemd.log" | cut -d' ' -f2-
echo "== what syslog received"
sort -n "$work/syslog.log" | cut -d' ' -f2-
echo "== console"
cat "$work/console.log"
echo "== exit code $code"
[ "$code" -eq 0 ]
