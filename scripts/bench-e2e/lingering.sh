#!/usr/bin/env bash
# What each gateway keeps per ended call while its transactions linger (Timers L, J and M: 32 s after the final
# response over UDP), the cost the collector pays for under load (docs/performance.md, items 19-21). The back-to-back
# pair of bench-e2e (pair.sh); LINGER_RATE calls/s (default 500) for 10 s of warm-up, 40 s idle so that all of it has
# expired, a heap dump of each gateway (dotnet-gcdump, which collects first), LINGER_CALLS calls (default 6000) at the
# same rate, and a second dump at once, inside the 32 s. The difference per call, by type, is printed and written to
# artifacts/lingering/result.txt. Needs dotnet-gcdump (installed as a .NET global tool when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
rate=${LINGER_RATE:-500}
probe_calls=${LINGER_CALLS:-6000}
cics=1-4095
sources=16
max_message_bytes=

scripts/install-packages.sh sip-tester
export PATH=$PATH:$HOME/.dotnet/tools
command -v dotnet-gcdump >/dev/null || dotnet tool install -g dotnet-gcdump
[ "${BENCH_NO_BUILD:-}" = 1 ] || dotnet build src/Gateway -c Release -nologo -v quiet -clp:ErrorsOnly
out=$root/artifacts/lingering
rm -rf "$out"
mkdir -p "$out"
source scripts/bench-e2e/pair.sh

# place_calls NAME COUNT: COUNT short calls at the rate, from every PBX SIPp at once.
place_calls() {
  local name=$1 count=$2 k p=()
  for k in $(seq "$sources"); do
    (cd "$out" && sipp -sf "$scenarios/uac-load.xml" -i "$(pbx_ip "$k")" -p 5061 -nostdin -s "$(prefix "$k")" -d 0 \
      -r "$rate" -rp $((1000 * sources)) -m $((count / sources)) -l 200 -recv_timeout 10000 -timeout 100s \
      -trace_stat -stf "$out/uac-$name-$k.csv" 127.0.0.1:5060 >"$out/uac-$name-$k.out" 2>&1) &
    p+=($!)
  done
  for k in "${p[@]}"; do wait "$k" || true; done
}
dump() { dotnet-gcdump collect -p "$1" -o "$out/$2.gcdump" >/dev/null && dotnet-gcdump report "$out/$2.gcdump" >"$out/$2.txt"; }

echo "== warm-up: $((rate * 10)) calls, then 40 s for every transaction to end"
place_calls warmup $((rate * 10))
wait_idle
sleep 40
dump "$gwa" a-before
dump "$gwb" b-before
echo "== $probe_calls calls at $rate/s, then the heap at once"
place_calls probe "$probe_calls"
wait_idle
dump "$gwa" a-after
dump "$gwb" b-after
completed=$(csv_sum 'SuccessfulCall(C)' "$out"/uac-probe-*.csv)

# per_call BEFORE AFTER: objects per completed call by type (the report's lines: size, count, type [assembly]).
per_call() {
  awk -v n="$completed" '
    FNR == 1 { file++ }
    /^ *[0-9,]+ +[0-9,]+ +[^ ]/ { c = $2; gsub(",", "", c); t = $0; sub(/^ *[0-9,]+ +[0-9,]+ +/, "", t); sub(/ +\[.*$/, "", t)
      sub(/ \(Bytes > [0-9]+K\)/, "", t); count[t] += (file == 1 ? -c : c) }
    /GC Heap bytes/ { b = $1; gsub(",", "", b); bytes += (file == 1 ? -b : b) }
    END { total = 0; for (t in count) total += count[t]
      printf "  %.0f bytes and %.1f objects per ended call\n", bytes / n, total / n
      for (t in count) if (count[t] / n >= 0.2) printf "  %6.2f  %s\n", count[t] / n, t }' "$1" "$2" | sort -k1,1nr
}
{
  echo "$completed calls completed at $rate calls/s; heap kept per ended call, by type (objects per call):"
  echo "gateway A:"; per_call "$out/a-before.txt" "$out/a-after.txt"
  echo "gateway B:"; per_call "$out/b-before.txt" "$out/b-after.txt"
} | tee "$out/result.txt"
