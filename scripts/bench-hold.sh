#!/usr/bin/env bash
# `make bench-hold`: memory and idle CPU of established calls (issue 8 §2). The back-to-back pair with 4,095 circuits;
# SIPp sets up HOLD_CALLS calls (default 4,000) at HOLD_RATE calls/s through A and B and keeps them HOLD_SECONDS
# (default 90) before hanging up; HOLD_RATE defaults to 150/s, under the SIP stack's 500 messages/s per source. Measured per gateway from /proc: VmRSS before (after a warm-up of short calls),
# while every call is up, and after; RSS per established call; CPU used while the calls are only held (no signalling
# but the timers); and that every call and circuit is free again at the end. Writes artifacts/bench-hold/result.md.
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${HOLD_CALLS:-4000} rate=${HOLD_RATE:-150} hold=${HOLD_SECONDS:-90}
[ "$hold" -ge $((calls / rate + 60)) ] || { echo "bench-hold: HOLD_SECONDS must outlast the setup (calls / rate) by 60 s" >&2; exit 2; }
[ "$calls" -le 4095 ] || { echo "bench-hold: at most 4095 calls (one DPC's CICs)" >&2; exit 2; }
scripts/install-packages.sh sip-tester >/dev/null
dotnet build src/Gateway -c Release -nologo -v quiet -clp:ErrorsOnly
daemon=$PWD/src/Gateway/bin/Release/net10.0/sip-isup-gateway
scenarios=$PWD/tests/Gateway.Tests/EndToEnd/Sipp
out=$PWD/artifacts/bench-hold
mkdir -p "$out"
work=$(mktemp -d /tmp/sip-isup-gateway-hold.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# The example pair on ports of its own, every CIC equipped, no overload limit, and only warnings logged: the
# measurement is of calls, not of log lines.
config() {
  sed -e 's/"1-31"/"1-4095"/' -e 's/5060/5160/g; s/5061/5161/g; s/5080/5180/g; s/5070/5170/g; s/2905/2915/g' \
      -e 's#"level": "information"#"level": "warning"#' -e 's#"syslog": \[[^]]*\]#"syslog": []#' \
      -e 's#"shutdown":#"overload": { "maxCallsPerSecond": 0, "maxCalls": 0 },\n  "shutdown":#' "$1" > "$2"
  "$daemon" check-config --config "$2" >/dev/null
}
config examples/back-to-back/a.json "$work/a.json"
config examples/back-to-back/b.json "$work/b.json"
mkdir -p "$work/run-a" "$work/run-b"
RUNTIME_DIRECTORY="$work/run-b" "$daemon" run --config "$work/b.json" >"$work/b.log" 2>&1 & gwb=$!; pids+=("$gwb")
sleep 1
RUNTIME_DIRECTORY="$work/run-a" "$daemon" run --config "$work/a.json" >"$work/a.log" 2>&1 & gwa=$!; pids+=("$gwa")

status() { "$daemon" status --json --socket "$work/run-$1/control.sock" 2>/dev/null || true; }
field() { grep -o "\"$1\": [0-9]*" | head -n 1 | grep -o '[0-9]*$' || true; }
wait_for() {   # wait_for GATEWAY FIELD VALUE SECONDS
  for _ in $(seq $(($4 * 10))); do [ "$(status "$1" | field "$2")" = "$3" ] && return 0; sleep 0.1; done
  echo "bench-hold: gateway $1 never had $2 = $3" >&2; tail -n 20 "$work/a.log" "$work/b.log" >&2; exit 1
}
wait_for a idle 4095 60
wait_for b idle 4095 60
rss() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }     # KiB
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }          # ticks
hz=$(getconf CLK_TCK)

sipp_uas() { (cd "$scenarios" && sipp -sf uas-answer.xml -i 127.0.0.1 -p 5180 -m "$1" -nostdin -timeout "$2" -key service 4930123456 \
  >"$work/uas.out" 2>&1) & uas=$!; pids+=("$uas"); sleep 0.5; }
sipp_uac() { (cd "$scenarios" && sipp -sf "$1" -i 127.0.0.1 -p 5161 -s 4930123456 -m "$2" -l "$2" -r "$3" -d "$4" -nostdin \
  -timeout "$5" -max_socket 4096 127.0.0.1:5160 >"$work/uac.out" 2>&1); }

echo "== warm-up: 500 short calls"
sipp_uas 500 60s
sipp_uac uac-call.xml 500 100 0 60s || { echo "bench-hold: warm-up calls failed" >&2; tail -n 30 "$work/uac.out" >&2; exit 1; }
wait "$uas" || true
wait_for a active 0 30
rss_a0=$(rss $gwa) rss_b0=$(rss $gwb)

echo "== $calls calls at $rate/s, held $hold s"
sipp_uas "$calls" "$((hold * 3 + 120))s"
started=$SECONDS
( sipp_uac uac-hold.xml "$calls" "$rate" "$((hold * 1000))" "$((hold * 3 + 120))s" ) & uac=$!; pids+=("$uac")
wait_for a active "$calls" $((calls / rate + 60))
setup=$((SECONDS - started))
# The INVITE server transactions linger 64*T1 = 32 s after their 2xx (RFC 6026 Timer L): from then on only held calls.
sleep 35
rss_a1=$(rss $gwa) rss_b1=$(rss $gwb)
heap_a=$(status a | field managedHeapBytes) heap_b=$(status b | field managedHeapBytes)
cpu_a0=$(cpu $gwa) cpu_b0=$(cpu $gwb)
idle=20
sleep $idle
cpu_a1=$(cpu $gwa) cpu_b1=$(cpu $gwb)
status a > "$work/status-held.json"
circuits_busy=$(status a | field outgoing-answered)
uac_status=0; wait "$uac" || uac_status=$?
wait "$uas" || true
wait_for a active 0 60
wait_for a idle 4095 60
wait_for b idle 4095 60
rss_a2=$(rss $gwa) rss_b2=$(rss $gwb)

per_call() { echo $(( ($2 - $1) * 1024 / calls )); }
percent() { awk -v t="$(( $2 - $1 ))" -v hz="$hz" -v s="$idle" 'BEGIN { printf "%.1f", 100 * t / hz / s }'; }
{
  echo "| gateway | RSS before | RSS with $calls calls up | managed heap then | RSS after | RSS per established call | CPU while held (${idle} s) |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  echo "| A (SIP → ISUP) | $((rss_a0 / 1024)) MiB | $((rss_a1 / 1024)) MiB | $((${heap_a:-0} / 1048576)) MiB | $((rss_a2 / 1024)) MiB | $(per_call "$rss_a0" "$rss_a1") B | $(percent "$cpu_a0" "$cpu_a1") % |"
  echo "| B (ISUP → SIP) | $((rss_b0 / 1024)) MiB | $((rss_b1 / 1024)) MiB | $((${heap_b:-0} / 1048576)) MiB | $((rss_b2 / 1024)) MiB | $(per_call "$rss_b0" "$rss_b1") B | $(percent "$cpu_b0" "$cpu_b1") % |"
  echo
  echo "$calls calls set up in ${setup} s (${rate}/s asked), ${circuits_busy:-?} circuits answered at A while held; SIPp UAC exit $uac_status;"
  echo "every call ended and all 4,095 circuits idle again on both gateways. $(nproc) cores; load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Command: HOLD_CALLS=$calls HOLD_RATE=$rate HOLD_SECONDS=$hold make bench-hold"
} | tee "$out/result.md"
[ "$uac_status" -eq 0 ] || { echo "bench-hold: SIPp reported failed calls (see $work/uac.out)" >&2; tail -n 40 "$work/uac.out" >&2; exit 1; }
