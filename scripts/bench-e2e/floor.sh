#!/usr/bin/env bash
# `make bench-floor`: what the socket work of a call costs on this machine, without the gateways (docs/performance.md,
# "The floor"). The same SIPp PBX and callee as `BENCH_SOURCES=1 make bench-e2e`, but between them two relays in C
# (floor-relay.c) that pass every datagram on over one TCP connection and do nothing else. Each relay's CPU time per
# call is the kernel's and the scheduler's share of a gateway's, below which no gateway code can go here. Run it next
# to `BENCH_SOURCES=1 make bench-e2e` with the same steps to read the gateways' own share.
#
#   FLOOR_STEPS          call rates, calls/s        "500 1000 1500"
#   FLOOR_STEP_SECONDS   seconds of calls per step  30
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
steps=${FLOOR_STEPS:-500 1000 1500}
step_seconds=${FLOOR_STEP_SECONDS:-30}
command_line="FLOOR_STEPS=\"$steps\" FLOOR_STEP_SECONDS=$step_seconds make bench-floor"

scripts/install-packages.sh sip-tester gcc libc6-dev
out=$root/artifacts/bench-floor
rm -rf "$out"
mkdir -p "$out"
gcc -O2 -Wall -pthread -o "$out/floor-relay" scripts/bench-e2e/floor-relay.c
scenarios=$root/tests/Gateway.Tests/EndToEnd/Sipp
clk_tck=$(getconf CLK_TCK)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null' EXIT
source scripts/bench-e2e/probes.sh

(cd "$out" && exec sipp -sf "$scenarios/uas-load.xml" -i 127.0.1.1 -p 5080 -nostdin -recv_timeout 10000 >"$out/sipp-uas.out" 2>&1) &
uas=$!; pids+=($uas)
"$out/floor-relay" b 2905 127.0.1.1 5080 >"$out/relay-b.out" 2>&1 & rb=$!; pids+=($rb)
"$out/floor-relay" a 127.0.0.1 5060 2905 >"$out/relay-a.out" 2>&1 & ra=$!; pids+=($ra)
for _ in $(seq 100); do grep -q ':13C4 ' /proc/net/udp && break; sleep 0.1; done   # 5060 bound: a is connected

nproc=$(nproc)
cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
rows=()
for rate in $steps; do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  a0=$(ticks $ra) b0=$(ticks $rb) u0=$(ticks $uas) start=$(date +%s.%N)
  (cd "$out" && sipp -sf "$scenarios/uac-load.xml" -i 127.0.0.11 -p 5061 -nostdin -s 4901 -r "$rate" -m $((rate * step_seconds)) \
    -l $((rate * 2 + 50)) -recv_timeout 10000 -timeout "$((step_seconds * 3 + 30))s" -trace_stat -stf "$out/sipp-uac-$rate.csv" -fd 1 \
    127.0.0.1:5060 >"$out/sipp-uac-$rate.out" 2>&1; times >"$out/sipp-uac-$rate.times") || true
  end=$(date +%s.%N)
  a1=$(ticks $ra) b1=$(ticks $rb) u1=$(ticks $uas)
  ok=$(csv_sum 'SuccessfulCall(C)' "$out/sipp-uac-$rate.csv") failed=$(csv_sum 'FailedCall(C)' "$out/sipp-uac-$rate.csv")
  retrans=$(csv_sum 'Retransmissions(C)' "$out/sipp-uac-$rate.csv")
  uac_cpu=$(times_seconds "$out/sipp-uac-$rate.times")
  row=$(awk -v r="$rate" -v ok="$ok" -v f="$failed" -v rt="$retrans" -v da=$((a1 - a0)) -v db=$((b1 - b0)) -v du=$((u1 - u0)) \
    -v uc="$uac_cpu" -v hz="$clk_tck" -v s="$start" -v e="$end" -v load="$load" 'BEGIN { w = e - s
      printf "| %d | %.0f | %d | %d | %d | %.0f | %.0f | %.0f%% / %.0f%% / %.0f%% / %.0f%% | %s | %.1f |",
        r, (ok + f) / w, ok, f, rt, ok ? da / hz / ok * 1e6 : 0, ok ? db / hz / ok * 1e6 : 0,
        da / hz / w * 100, db / hz / w * 100, du / hz / w * 100, uc / w * 100, load, w }')
  echo "$row"
  rows+=("$row")
done

{
  echo "Machine: $nproc cores ($cpu_model), $(uname -r). Command: \`$command_line\`."
  echo
  echo "| calls/s | placed/s | completed | failed | SIPp retrans | relay A µs per call | relay B µs per call | CPU relay A / relay B / UAS / UAC | load avg before | step s |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee "$out/result.md"
