#!/usr/bin/env bash
# `make bench-overload`: the overload measurement of issue 8 §3 ("at 3× the sustainable rate for 60 s: 100 % of
# admitted calls complete, memory bounded, recovers at once when load drops") on loopback, with bench-e2e's pair and
# SIPp (scripts/bench-e2e/pair.sh). SIPp on a 2-core machine cannot offer 3× what the gateway sustains (~1,500
# calls/s), so the sustainable rate is declared instead: gateway A gets overload.maxCallsPerSecond = OVERLOAD_RATE (R)
# and SIPp offers R × OVERLOAD_FACTOR for OVERLOAD_SECONDS, then, from the moment that phase's last second ends (no
# pause in between, so the token bucket is still empty), R/2 for OVERLOAD_RECOVERY_SECONDS. Gateway B has no limit.
# The calls are uac-load-overload.xml (a 503 with Retry-After and Reason cause 42 is a counted outcome, one without
# them a failed call) to uas-load.xml. The result, a markdown table, is printed and written to
# artifacts/bench-overload/result.md, next to the configurations, logs and SIPp files.
#
#   OVERLOAD_RATE               R, gateway A's maxCallsPerSecond, calls/s     400
#   OVERLOAD_FACTOR             the overload phase offers R × this            3
#   OVERLOAD_SECONDS            length of the overload phase                  60
#   OVERLOAD_RECOVERY_SECONDS   length of the recovery phase at R/2           20
#   BENCH_SOURCES, BENCH_CICS, BENCH_NO_BUILD=1   as in bench-e2e
#   BENCH_WARMUP_SECONDS        calls at R/2 before the measurement (JIT, pools; not in the table)   5
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

rate=${OVERLOAD_RATE:-400}
factor=${OVERLOAD_FACTOR:-3}
overload_seconds=${OVERLOAD_SECONDS:-60}
recovery_seconds=${OVERLOAD_RECOVERY_SECONDS:-20}
cics=${BENCH_CICS:-1-4095}
sources=${BENCH_SOURCES:-16}
warmup_seconds=${BENCH_WARMUP_SECONDS:-5}
max_message_bytes=""
retry_after=5
[ "$sources" -ge 1 ] && [ "$sources" -le 99 ] || { echo "BENCH_SOURCES must be 1-99" >&2; exit 2; }
[ "$rate" -ge 2 ] && [ "$factor" -ge 1 ] && [ "$overload_seconds" -ge 2 ] && [ "$recovery_seconds" -ge 2 ] ||
  { echo "OVERLOAD_RATE must be ≥ 2, OVERLOAD_FACTOR ≥ 1, OVERLOAD_SECONDS and OVERLOAD_RECOVERY_SECONDS ≥ 2" >&2; exit 2; }
offered_rate=$((rate * factor))
recovery_rate=$((rate / 2))
command_line="OVERLOAD_RATE=$rate OVERLOAD_FACTOR=$factor OVERLOAD_SECONDS=$overload_seconds OVERLOAD_RECOVERY_SECONDS=$recovery_seconds BENCH_SOURCES=$sources BENCH_WARMUP_SECONDS=$warmup_seconds make bench-overload"

scripts/install-packages.sh sip-tester
if [ "${BENCH_NO_BUILD:-}" != 1 ]; then
  echo "== building"
  dotnet build src/Gateway -c Release -nologo -v quiet -clp:ErrorsOnly
fi
out=$root/artifacts/bench-overload
rm -rf "$out"
mkdir -p "$out"
# Only the rate limit refuses: the calls ceiling is off, so that every refusal is one the declared rate explains.
overload_a="{ \"maxCallsPerSecond\": $rate, \"maxCalls\": 0, \"retryAfterSeconds\": $retry_after }"
source scripts/bench-e2e/pair.sh

nproc=$(nproc)
cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
now() { date +%s.%N; }
# start_calls NAME RATE SECONDS PORT: every PBX SIPp (on PORT, so that two phases can overlap) starts placing its share
# of RATE calls/s for SECONDS; returns at once, the SIPp pids in uac_pids.
start_calls() {
  local name=$1 r=$2 secs=$3 port=$4 k m
  local count=$((r * secs))
  uac_pids=()
  for k in $(seq "$sources"); do
    # r calls per (1000 × sources) ms each; the remainder of the count goes to the first few.
    m=$((count / sources + (k <= count % sources ? 1 : 0)))
    [ "$m" -gt 0 ] || continue
    (cd "$out" && exec sipp -sf "$scenarios/uac-load-overload.xml" -i "$(pbx_ip "$k")" -p "$port" -nostdin -s "$(prefix "$k")" -d 0 \
      -r "$r" -rp $((1000 * sources)) -m "$m" -l $((r * 2 / sources + 50)) -recv_timeout 10000 \
      -timeout "$((secs * 3 + 30))s" -timeout_error \
      -trace_stat -stf "$out/sipp-uac-$name-$k.csv" -fd 1 -trace_err -error_file "$out/sipp-uac-$name-$k-errors.log" \
      -trace_logs -log_file "$out/sipp-uac-$name-$k.log" \
      127.0.0.1:5060 >"$out/sipp-uac-$name-$k.out" 2>&1) &
    uac_pids+=($!)
    pids+=($!)
  done
}
# wait_calls: waits for uac_pids; the first non-zero SIPp exit in uac_rc.
wait_calls() {
  local p
  uac_rc=0
  for p in "${uac_pids[@]}"; do wait "$p" || { local r=$?; [ "$uac_rc" -ne 0 ] || uac_rc=$r; }; done
}
# sum NAME PHASE: NAME (a column of SIPp's statistics, last line) summed over PHASE's SIPps.
sum() { csv_sum "$1" "$out"/sipp-uac-"$2"-*.csv; }
# placing_seconds PHASE T0: how long after T0 the last of PHASE's SIPps had created all its calls (from the -fd 1
# lines: the first one whose TotalCallCreated is the final count), i.e. how long SIPp took to offer the phase; to the
# second, as SIPp writes a line a second. CurrentTime is "date<TAB>time<TAB>epoch".
placing_seconds() {
  local f
  for f in "$out"/sipp-uac-"$1"-*.csv; do
    awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "TotalCallCreated") c = i; next }
               { split($3, now, "\t"); t[NR] = now[3]; n[NR] = $c }
               END { for (i = 2; i <= NR; i++) if (n[i] == n[NR]) { print t[i]; exit } }' "$f"
  done | awk -v t0="$2" '{ if ($1 - t0 > m) m = $1 - t0 } END { printf "%.1f", m }'
}
circuits_idle() { status "$1" | grep -q "\"idle\": $ncics,"; }
# heap_tx A|B: "HEAP TX", the managed heap left after the last garbage collection (MB) and the SIP transactions the
# gateway holds (a UDP transaction lingers for its timers after the call), from its status. RSS alone cannot tell
# memory the gateway keeps from memory the GC has not handed back; the heap after a young collection still holds the
# old generation's garbage, so only the transactions are a count of what is kept.
heap_tx() {
  status "$1" | awk '/"managedHeapAfterLastGcBytes"/ { gsub(/[^0-9]/, ""); h = $0 / 1048576 }
                     /"gcCount"/ { gsub(/[^0-9]/, ""); n = $0 }
                     /"serverTransactions"|"clientTransactions"/ { gsub(/[^0-9]/, ""); t += $0 }
                     END { printf "%s %d\n", (n > 0 ? sprintf("%.0f", h) : "-"), t }'   # "-": no collection yet
}
cpu_share() { awk -v d="$1" -v hz="$clk_tck" -v s="$2" -v e="$3" 'BEGIN { printf "%.0f%%", d / hz / (e - s) * 100 }'; }

if [ "$warmup_seconds" -gt 0 ]; then
  echo "== warm-up: $recovery_rate calls/s for $warmup_seconds s (below the limit; JIT and tiered compilation, pools; not in the table)"
  start_calls warmup "$recovery_rate" "$warmup_seconds" 5061
  wait_calls
  wait_idle
  warmup_note="warm-up: $(sum TotalCallCreated warmup) calls at $recovery_rate calls/s, $(sum 'completed(C)' warmup) completed, $(sum 'refused(C)' warmup) refused, $(sum 'FailedCall(C)' warmup) failed (SIPp exit $uac_rc)"
  echo "   $warmup_note"
else
  warmup_note="no warm-up"
fi
sleep 2   # the warm-up's last transactions settle before the baseline
rss_before_a=$(rss_mb "$gwa") rss_before_b=$(rss_mb "$gwb")

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== overload: $offered_rate calls/s for $overload_seconds s against maxCallsPerSecond $rate (load average $load_before)"
a0=$(ticks "$gwa") b0=$(ticks "$gwb") u0=$(uas_ticks); read -r da0 db0 < <(sip_drops)
t0=$(now)
start_calls overload "$offered_rate" "$overload_seconds" 5061
overload_uac=("${uac_pids[@]}")
# RSS every 10 s of the phase, to see whether it levels off; then the load drops at t0 + OVERLOAD_SECONDS exactly.
# The PBX SIPps' CPU is read every second while they run (they exit as soon as their last call ends).
rss_series_a=() rss_series_b=() heap_series_a=() heap_series_b=() tx_series_a=() tx_series_b=()
uac_ticks1=0
for i in $(seq "$overload_seconds"); do
  sleep "$(awk -v t0="$t0" -v i="$i" -v now="$(now)" 'BEGIN { d = t0 + i - now; print (d > 0 ? d : 0) }')"
  t=0; for p in "${overload_uac[@]}"; do t=$((t + $(ticks "$p" 2>/dev/null || echo 0))); done
  [ "$t" -le "$uac_ticks1" ] || uac_ticks1=$t
  if [ $((i % 10)) = 0 ] || [ "$i" = "$overload_seconds" ]; then
    rss_series_a+=("$(rss_mb "$gwa")"); rss_series_b+=("$(rss_mb "$gwb")")
    read -r h x < <(heap_tx a); heap_series_a+=("$h"); tx_series_a+=("$x")
    read -r h x < <(heap_tx b); heap_series_b+=("$h"); tx_series_b+=("$x")
  fi
done
t1=$(now)
echo "== recovery: $recovery_rate calls/s for $recovery_seconds s, from the end of the overload phase"
start_calls recovery "$recovery_rate" "$recovery_seconds" 5062
recovery_uac=("${uac_pids[@]}")
a1=$(ticks "$gwa") b1=$(ticks "$gwb") u1=$(uas_ticks); read -r da1 db1 < <(sip_drops)
rss_end_a=$(rss_mb "$gwa") rss_end_b=$(rss_mb "$gwb") hwm_a=$(hwm_mb "$gwa") hwm_b=$(hwm_mb "$gwb")
load_drop=$(cut -d' ' -f1-3 /proc/loadavg)
uac_pids=("${overload_uac[@]}"); wait_calls; overload_rc=$uac_rc
uac_pids=("${recovery_uac[@]}"); wait_calls; recovery_rc=$uac_rc
wait_idle
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# The figures, each phase from its own SIPps.
o_offered=$(sum TotalCallCreated overload)
o_secs=$(placing_seconds overload "$t0")
o_refused=$(sum 'refused(C)' overload)
o_admitted=$(sum 'admitted(C)' overload)
o_completed=$(sum 'completed(C)' overload)
o_failed=$(sum 'FailedCall(C)' overload)
o_bad503=$(( $(sum 'FailedRegexpDoesntMatch(C)' overload) + $(sum 'FailedRegexpHdrNotFound(C)' overload) ))
o_other=$((o_failed - (o_admitted - o_completed) - o_bad503))
r_offered=$(sum TotalCallCreated recovery)
r_refused=$(sum 'refused(C)' recovery)
r_admitted=$(sum 'admitted(C)' recovery)
r_completed=$(sum 'completed(C)' recovery)
r_failed=$(sum 'FailedCall(C)' recovery)
# From the recovery SIPps' lines ("refused|admitted ANSWER_S ANSWER_US INVITE_S INVITE_US"): refusals more than a
# second after the drop, when the first call was admitted, and what became of the first INVITE sent after the drop
# (when it went, how long it waited for its answer: SIPp's own start is not the gateway's recovery).
read -r r_refused_late first_admitted first_invite first_outcome first_wait < <(cat "$out"/sipp-uac-recovery-*.log 2>/dev/null |
  awk -v t1="$t1" '$1 != "refused" && $1 != "admitted" { next }   # SIPp adds its own warnings
                   { t = $2 + $3 / 1e6; i = $4 + $5 / 1e6 } $1 == "refused" && t > t1 + 1 { late++ }
                   $1 == "admitted" && (first == "" || t < first) { first = t }
                   fi == "" || i < fi { fi = i; fo = $1; fw = t - i }
                   END { printf "%d %s %s %s %s\n", late, first == "" ? "-" : sprintf("%.3f", first - t1),
                           fi == "" ? "-" : sprintf("%.3f", fi - t1), fo == "" ? "-" : fo, fi == "" ? "-" : sprintf("%.1f", fw * 1000) }')
idle_a="A: $(active_calls a) active calls, $(circuits_idle a && echo "all $ncics circuits idle" || echo "NOT all circuits idle")"
idle_b="B: $(active_calls b) active calls, $(circuits_idle b && echo "all $ncics circuits idle" || echo "NOT all circuits idle")"
status a >"$out/status-a-end.json"
status b >"$out/status-b-end.json"
pct() { awk -v n="$1" -v d="$2" 'BEGIN { if (d > 0) printf "%.2f %%", n / d * 100; else print "-" }'; }

# The issue's three claims, judged on the figures above (never assumed).
verdicts=()
if [ "$o_admitted" -gt 0 ] && [ "$o_completed" = "$o_admitted" ]; then
  verdicts+=("- 100 % of admitted calls complete: **met** ($o_completed of $o_admitted)")
else
  verdicts+=("- 100 % of admitted calls complete: **not met** ($o_completed of $o_admitted, $(pct "$o_completed" "$o_admitted"))")
fi
# Bounded: each gateway's RSS over the phase's second half grew by at most 10 % + 16 MB (garbage collection makes it
# wave). B counts too: it carries every admitted call.
mem_verdict=$(awk -v a="${rss_series_a[*]}" -v b="${rss_series_b[*]}" '
  function bounded(series,   s, n) { n = split(series, s, " "); return s[n] <= s[int((n + 1) / 2)] * 1.1 + 16 }
  BEGIN { printf "%s (every 10 s, MB: A %s; B %s)", bounded(a) && bounded(b) ? "**met**" : "**not met**", a, b }')
verdicts+=("- memory bounded (each gateway's RSS over the phase's second half grows ≤ 10 % + 16 MB): $mem_verdict")
if [ "$r_refused_late" = 0 ] && [ "$r_completed" = "$r_offered" ] && [ "$r_offered" -gt 0 ] && [ "$r_failed" = 0 ]; then
  verdicts+=("- recovers at once: **met** (every recovery call after its first second admitted and completed; first admitted $first_admitted s after the drop)")
else
  verdicts+=("- recovers at once: **not met** ($r_completed of $r_offered completed, $r_refused_late refused more than 1 s after the drop, first admitted $first_admitted s after it)")
fi
if [ "$(active_calls a)" = 0 ] && [ "$(active_calls b)" = 0 ] && circuits_idle a && circuits_idle b; then
  verdicts+=("- both gateways idle at the end: **yes** ($idle_a; $idle_b)")
else
  verdicts+=("- both gateways idle at the end: **no** ($idle_a; $idle_b)")
fi

{
  echo "## Overload: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Command: \`$command_line\`"
  echo "- Machine: nproc $nproc ($cpu_model), $(uname -r); load average before the overload phase $load_before, at the drop $load_drop, at the end $load_end"
  echo "- Gateway A: \`overload\` = \`$overload_a\`; gateway B: no limit. $ncics circuits each side; logging at warning level."
  echo "- Load: $sources SIPp PBXs (127.0.0.11-$((10 + sources))) → A → M3UA/TCP → B → $sources SIPp callees; INVITE, 180, 200, ACK, BYE at once, 200."
  echo "  Overload phase: $offered_rate calls/s offered for $overload_seconds s; recovery phase: $recovery_rate calls/s for $recovery_seconds s, started at the overload phase's end. $warmup_note."
  echo
  echo "| overload phase | |"
  echo "|--|--:|"
  echo "| calls offered (SIPp took $o_secs s to offer them) | $o_offered ($(awk -v n="$o_offered" -v s="$o_secs" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')/s) |"
  echo "| admitted (180 or 200) | $o_admitted ($(awk -v n="$o_admitted" -v s="$overload_seconds" 'BEGIN { printf "%.0f", n / s }')/s over $overload_seconds s) |"
  echo "| refused with 503 | $o_refused |"
  echo "| of which without Retry-After or Reason cause 42 (failed calls) | $o_bad503 |"
  echo "| admitted calls completed | $o_completed ($(pct "$o_completed" "$o_admitted")) |"
  echo "| admitted calls failed | $((o_admitted - o_completed)) |"
  echo "| other failed calls (no answer, unexpected message) | $o_other |"
  echo "| SIPp exit status | $overload_rc |"
  echo "| UDP drops at A's / B's SIP socket | $((da1 - da0)) / $((db1 - db0)) |"
  echo "| CPU A / B / UAS / UAC (share of one core) | $(cpu_share $((a1 - a0)) "$t0" "$t1") / $(cpu_share $((b1 - b0)) "$t0" "$t1") / $(cpu_share $((u1 - u0)) "$t0" "$t1") / $(cpu_share "$uac_ticks1" "$t0" "$t1") |"
  echo
  echo "| memory (RSS, MB) | A | B |"
  echo "|--|--:|--:|"
  echo "| before the overload phase (after the warm-up) | $rss_before_a | $rss_before_b |"
  echo "| every 10 s of the overload phase | ${rss_series_a[*]} | ${rss_series_b[*]} |"
  echo "| at the end of the overload phase | $rss_end_a | $rss_end_b |"
  echo "| peak since start (VmHWM) | $hwm_a | $hwm_b |"
  echo "| at the end of the run | $(rss_mb "$gwa") | $(rss_mb "$gwb") |"
  echo "| managed heap after the last GC, every 10 s of the overload phase | ${heap_series_a[*]} | ${heap_series_b[*]} |"
  echo "| managed heap after the last GC, at the end of the run | $(heap_tx a | cut -d' ' -f1) | $(heap_tx b | cut -d' ' -f1) |"
  echo "| SIP transactions held, every 10 s of the overload phase | ${tx_series_a[*]} | ${tx_series_b[*]} |"
  echo
  echo "The heap after the last GC includes the old generation's garbage when that GC was a young one; the SIP transactions"
  echo "held (each lingers for its timers, up to 32 s, after its call) are what the gateway keeps per call."
  echo
  echo "| recovery phase ($recovery_rate calls/s) | |"
  echo "|--|--:|"
  echo "| calls offered | $r_offered |"
  echo "| admitted | $r_admitted |"
  echo "| completed | $r_completed ($(pct "$r_completed" "$r_offered")) |"
  echo "| refused (all / more than 1 s after the drop) | $r_refused / $r_refused_late |"
  echo "| failed | $r_failed |"
  echo "| first call admitted, after the drop | $first_admitted s |"
  echo "| first INVITE after the drop: sent after / answered in / outcome | $first_invite s / $first_wait ms / $first_outcome |"
  echo "| SIPp exit status | $recovery_rc |"
  echo
  echo "At the end: $idle_a; $idle_b."
  echo
  echo "Admitted: the call got a 180 or a 200 (counted once). Failed: SIPp's FailedCall; an admitted call that failed is"
  echo "admitted − completed, a 503 without the headers fails its call too. \"First call admitted\": the first 180 or 200"
  echo "a recovery call got, from the moment the overload phase's $overload_seconds s ended (the recovery SIPps' start included);"
  echo "the first INVITE after the drop is the earliest any recovery SIPp sent. UAC CPU: read once a second."
  echo
  echo "Issue 8 §3:"
  echo
  printf '%s\n' "${verdicts[@]}"
} >"$out/result.md"

echo
cat "$out/result.md"
echo
echo "(written to artifacts/bench-overload/result.md)"
