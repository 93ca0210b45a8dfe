#!/usr/bin/env bash
# `make bench-e2e`: end-to-end load on loopback (issue 8 §1). SIPp as the PBX (127.0.0.1:5061) places short calls
# into gateway A (SIP 5060), which sends them as ISUP over M3UA/TCP (2905) to gateway B, which places them to SIPp as
# the callee (127.0.0.1:5080); the PBX hangs up at once (or after BENCH_CALL_MS). The call rate is stepped up; each
# step runs BENCH_STEP_SECONDS and the run stops after the first step with a failed call. For each step it records
# SIPp's counts (its -trace_stat CSV), the CPU time of each gateway per 1,000 completed calls (/proc/PID/stat), each
# gateway's peak RSS (VmHWM) and the CPU share of every process, and at BENCH_LATENCY_RATE it traces both gateways
# (`sip-isup-gateway trace`) for BENCH_TRACE_SECONDS to measure the latency each adds (A: INVITE in -> IAM out,
# ANM in -> 200 out; B: IAM in -> INVITE out, 200 in -> ANM out). The result, a markdown table, is printed and
# written to artifacts/bench-e2e/result.md, next to the configurations, logs, SIPp statistics and traces. The pair,
# the callees and the probes are set up by pair.sh, which bench-overload.sh shares.
#
# The load comes from BENCH_SOURCES PBXs: SIPp k on 127.0.0.(10+k):5061 dialling 49kk<call number>, and goes to as
# many callees, SIPp k on 127.0.1.k:5080, to which gateway B routes the prefix 49kk; each pair carries
# 1/BENCH_SOURCES of the rate. One pair by default: the issue's targets are for a machine that runs "both SIPp
# processes" beside the gateways, and every SIPp costs CPU of its own whatever its rate (docs/performance.md). A's
# per-source limit (sip.maxMessagesPerSecondPerSource) is raised when the top step could reach it: this bench looks
# for where the gateways give way, not for their policing of one PBX.
#
#   BENCH_STEPS         call rates, calls/s            "100 250 500 750 1000 1500 2000"
#   BENCH_STEP_SECONDS  seconds of calls per step      20
#   BENCH_CALL_MS       pause between ACK and BYE      0
#   BENCH_LATENCY_RATE  the step that is traced        500 (the first step at or above it)
#   BENCH_TRACE_SECONDS how long the trace runs        3 (started 2 s into the step)
#   BENCH_CICS          circuits on each side          1-4095
#   BENCH_SOURCES       SIPp pairs (PBX and callee)    1
#   BENCH_WARMUP_SECONDS calls at BENCH_STEPS' first rate before the measured steps, not in the table   10
#   BENCH_SIP_MAX_MESSAGE_BYTES  sip.maxMessageBytes of both gateways   (the configuration's default)
#   BENCH_NO_BUILD=1    use the Release build as it is
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

steps=${BENCH_STEPS:-100 250 500 750 1000 1500 2000}
step_seconds=${BENCH_STEP_SECONDS:-20}
call_ms=${BENCH_CALL_MS:-0}
latency_rate=${BENCH_LATENCY_RATE:-500}
trace_seconds=${BENCH_TRACE_SECONDS:-3}
cics=${BENCH_CICS:-1-4095}
sources=${BENCH_SOURCES:-1}
warmup_seconds=${BENCH_WARMUP_SECONDS:-10}
max_message_bytes=${BENCH_SIP_MAX_MESSAGE_BYTES:-}
[ "$sources" -ge 1 ] && [ "$sources" -le 99 ] || { echo "BENCH_SOURCES must be 1-99" >&2; exit 2; }
top_rate=0
for rate in $steps; do [ "$rate" -gt "$top_rate" ] && top_rate=$rate; done
# INVITE, ACK and BYE per call, and room for retransmissions: above the default of 5,000 the limit is raised.
per_source_limit=$((top_rate * 4 / sources))
[ "$per_source_limit" -gt 5000 ] || per_source_limit=
command_line="BENCH_STEPS=\"$steps\" BENCH_STEP_SECONDS=$step_seconds BENCH_CALL_MS=$call_ms BENCH_LATENCY_RATE=$latency_rate BENCH_SOURCES=$sources BENCH_WARMUP_SECONDS=$warmup_seconds${max_message_bytes:+ BENCH_SIP_MAX_MESSAGE_BYTES=$max_message_bytes} make bench-e2e"

scripts/install-packages.sh sip-tester tshark
if [ "${BENCH_NO_BUILD:-}" != 1 ]; then
  echo "== building"
  dotnet build src/Gateway -c Release -nologo -v quiet -clp:ErrorsOnly
fi
out=$root/artifacts/bench-e2e
rm -rf "$out"
mkdir -p "$out"
source scripts/bench-e2e/pair.sh

nproc=$(nproc)
cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
# place_calls NAME RATE SECONDS: every PBX SIPp places its share of RATE calls/s for SECONDS, all at once; sets
# uac_rc (the first non-zero exit), uac_cpu (their CPU seconds, from `times`), start and end (wall clock).
place_calls() {
  local name=$1 rate=$2 secs=$3 k
  local count=$((rate * secs))
  start=$(date +%s.%N)
  uac_rc=0
  ( cd "$out"
    p=()
    for k in $(seq "$sources"); do
      # RATE calls per (1000 × BENCH_SOURCES) ms each; the remainder of the count goes to the first few.
      m=$((count / sources + (k <= count % sources ? 1 : 0)))
      [ "$m" -gt 0 ] || continue
      sipp -sf "$scenarios/uac-load.xml" -i "$(pbx_ip "$k")" -p 5061 -nostdin -s "$(prefix "$k")" -d "$call_ms" \
        -r "$rate" -rp $((1000 * sources)) -m "$m" -l $((rate * 2 / sources + 50)) -recv_timeout 10000 \
        -timeout "$((secs * 3 + 30))s" -timeout_error \
        -trace_stat -stf "$out/sipp-uac-$name-$k.csv" -fd 1 -trace_err -error_file "$out/sipp-uac-$name-$k-errors.log" \
        127.0.0.1:5060 >"$out/sipp-uac-$name-$k.out" 2>&1 &
      p+=($!)
    done
    rc=0
    for k in "${p[@]}"; do wait "$k" || { r=$?; [ "$rc" -ne 0 ] || rc=$r; }; done
    times >"$out/sipp-uac-$name.times"
    exit "$rc" ) || uac_rc=$?
  end=$(date +%s.%N)
  uac_cpu=$(times_seconds "$out/sipp-uac-$name.times")
}

first_rate=${steps%% *}
if [ "$warmup_seconds" -gt 0 ]; then
  echo "== warm-up: $first_rate calls/s for $warmup_seconds s (JIT and tiered compilation, pools; not in the table)"
  place_calls warmup "$first_rate" "$warmup_seconds"
  wait_idle
  warmup_note="warm-up: $((first_rate * warmup_seconds)) calls at $first_rate calls/s, $(csv_sum 'FailedCall(C)' "$out"/sipp-uac-warmup-*.csv) failed (SIPp exit $uac_rc)"
  echo "   $warmup_note"
else
  warmup_note="no warm-up"
fi

# What each gateway spends with no calls (timers, the association's keep-alives), to read the per-call CPU against.
a0=$(ticks "$gwa") b0=$(ticks "$gwb") idle_start=$(date +%s.%N)
sleep 5
a1=$(ticks "$gwa") b1=$(ticks "$gwb") idle_end=$(date +%s.%N)
idle_note=$(awk -v da=$((a1 - a0)) -v db=$((b1 - b0)) -v hz="$clk_tck" -v s="$idle_start" -v e="$idle_end" \
  'BEGIN { printf "idle CPU (5 s, no calls): A %.1f%%, B %.1f%% of a core", da / hz / (e - s) * 100, db / hz / (e - s) * 100 }')
echo "   $idle_note"

rows=()
traced=""
stop_reason="the top step was reached"
for rate in $steps; do
  count=$((rate * step_seconds))
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  a0=$(ticks "$gwa") b0=$(ticks "$gwb") u0=$(uas_ticks) d0=$(udp_drops); read -r da0 db0 < <(sip_drops)
  read -r ga0 g2a0 ma0 pa0 < <(gc_figures a); read -r gb0 g2b0 mb0 pb0 < <(gc_figures b)
  tracer=""
  if [ -z "$traced" ] && [ "$rate" -ge "$latency_rate" ]; then
    traced=$rate
    # Both traces start and stop together (each CLI call is a process start, slow on a loaded machine).
    ( sleep 2
      for s in a b; do
        "$daemon" trace start "$out/trace-$s.pcapng" --max-mb 1000 --files 1 --socket "$run/$s/control.sock" >"$out/trace-$s.txt" 2>&1 &
      done
      wait
      sleep "$trace_seconds"
      for s in a b; do
        "$daemon" trace stop --socket "$run/$s/control.sock" >>"$out/trace-$s.txt" 2>&1 &
      done
      wait ) &
    tracer=$!
    pids+=("$tracer")
  fi
  echo "== $rate calls/s for ${step_seconds} s ($count calls from $sources PBXs; load average $load)"
  place_calls "$rate" "$rate" "$step_seconds"
  [ -n "$tracer" ] && wait "$tracer" || true
  wait_idle
  a1=$(ticks "$gwa") b1=$(ticks "$gwb") u1=$(uas_ticks) d1=$(udp_drops); read -r da1 db1 < <(sip_drops)
  read -r ga1 g2a1 ma1 pa1 < <(gc_figures a); read -r gb1 g2b1 mb1 pb1 < <(gc_figures b)
  created=$(csv_sum "TotalCallCreated" "$out"/sipp-uac-"$rate"-*.csv)
  ok=$(csv_sum "SuccessfulCall(C)" "$out"/sipp-uac-"$rate"-*.csv)
  failed=$(csv_sum "FailedCall(C)" "$out"/sipp-uac-"$rate"-*.csv)
  retrans=$(csv_sum "Retransmissions(C)" "$out"/sipp-uac-"$rate"-*.csv)
  # Sustained: every call completed, none failed, and SIPp kept the rate (the step took at most 10% + 1 s longer).
  sustained=no
  if [ "$failed" = 0 ] && [ "$uac_rc" = 0 ] && [ "$ok" = "$count" ] &&
     awk -v s="$start" -v e="$end" -v secs="$step_seconds" 'BEGIN { exit !(e - s <= secs * 1.1 + 1) }'; then
    sustained=yes
  fi
  row=$(awk -v rate="$rate" -v created="$created" -v ok="$ok" -v failed="$failed" -v retrans="$retrans" \
    -v start="$start" -v end="$end" -v da=$((a1 - a0)) -v db=$((b1 - b0)) -v du=$((u1 - u0)) -v uac="$uac_cpu" \
    -v hz="$clk_tck" -v ha="$(hwm_mb "$gwa") / $(rss_mb "$gwa")" -v hb="$(hwm_mb "$gwb") / $(rss_mb "$gwb")" -v drops="$((da1 - da0)) / $((db1 - db0)) / $((d1 - d0 - (da1 - da0) - (db1 - db0)))" -v load="$load" -v sustained="$sustained" -v traced="$tracer" \
    -v alloc="$(( (ma1 - ma0) / (ok > 0 ? ok : 1) / 1024 )) / $(( (mb1 - mb0) / (ok > 0 ? ok : 1) / 1024 ))" \
    -v gcs="$((ga1 - ga0)) ($((g2a1 - g2a0))) / $((gb1 - gb0)) ($((g2b1 - g2b0)))" -v pa=$((pa1 - pa0)) -v pb=$((pb1 - pb0)) '
    function per1000(d) { return ok > 0 ? sprintf("%.3f", d / hz / ok * 1000) : "-" }
    function share(d) { return sprintf("%.0f%%", d / hz / (end - start) * 100) }
    function paused(ms) { return ok > 0 ? sprintf("%.0f", ms * 1000 / ok) : "-" }
    BEGIN {
      printf "| %s | %.0f | %d | %d | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s / %s / %.0f%% | %s | %.1f | %s |\n",
        rate (traced ? " (traced)" : ""), created / (end - start), created, ok, failed, retrans, drops, per1000(da), per1000(db),
        alloc, gcs, paused(pa) " / " paused(pb), ha, hb, share(da), share(db), share(du), uac / (end - start) * 100, load, end - start, sustained
    }')
  rows+=("$row")
  echo "$row"
  if [ "$failed" != 0 ] || [ "$uac_rc" != 0 ] || [ "$ok" != "$count" ]; then
    stop_reason="calls failed at $rate calls/s (SIPp exit $uac_rc, $failed failed, $ok of $count completed)"
    break
  fi
done

echo "== latency (from the traces at $traced calls/s)"
latency_rows=()
if [ -n "$traced" ] && [ -s "$out/trace-a.pcapng" ] && [ -s "$out/trace-b.pcapng" ]; then
  fields=(-e frame.time_epoch -e udp.srcport -e udp.dstport -e sctp.srcport -e sctp.dstport -e sip.Method
          -e sip.Status-Code -e sip.CSeq.method -e sip.Call-ID -e sip.r-uri.user -e isup.message_type -e isup.cic
          -e isup.called)
  for s in a b; do
    tshark -r "$out/trace-$s.pcapng" -T fields -E separator='|' "${fields[@]}" 2>/dev/null | sort -t'|' -k1,1n >"$out/trace-$s.tsv"
  done
  awk -v side=a -v sipport=5060 -v m3uaport=2905 -v m3uain=src -f scripts/bench-e2e/latency.awk "$out/trace-a.tsv" >"$out/latency-a.txt"
  awk -v side=b -v sipport=5070 -v m3uaport=2905 -v m3uain=dst -f scripts/bench-e2e/latency.awk "$out/trace-b.tsv" >"$out/latency-b.txt"
  for spec in "a setup A: INVITE in → IAM out" "a answer A: ANM in → 200 out" \
              "b setup B: IAM in → INVITE out" "b answer B: 200 in → ANM out"; do
    read -r s kind label <<<"$spec"
    read -r n p50 p99 max < <(awk -v k="$kind" '$1 == k { print $2 }' "$out/latency-$s.txt" | sort -n | awk -f scripts/bench-e2e/percentiles.awk)
    latency_rows+=("| $label | $n | $p50 | $p99 | $max |")
  done
else
  echo "   no trace (no step at or above $latency_rate calls/s ran, or the trace is empty)"
fi

# The issue's targets, judged on the figures above (never assumed).
best_sustained=$(printf '%s\n' "${rows[@]}" | awk -F'|' '$NF == "" && $(NF-1) ~ /yes/ { r = $2 + 0 } END { print r + 0 }')
targets=()
if [ "$best_sustained" -ge 1500 ]; then targets+=("- ≥ 1,500 calls/s sustained with zero failed calls: **met** (best step with no failure at its rate: $best_sustained calls/s)")
else targets+=("- ≥ 1,500 calls/s sustained with zero failed calls: **not met** (best step with no failure at its rate: $best_sustained calls/s)"); fi
cpu_verdict=$(printf '%s\n' "${rows[@]}" | awk -F'|' -v best="$best_sustained" '
  $2 + 0 == best && best > 0 { a = $9 * 1000; b = $10 * 1000 }
  END { if (best == 0) { print "not measured"; exit }
        printf "%s (at %d calls/s: A %.0f µs, B %.0f µs per call)", (a <= 150 && b <= 150) ? "**met**" : "**not met**", best, a, b }')
targets+=("- gateway CPU ≤ 150 µs per call each: $cpu_verdict")
if [ ${#latency_rows[@]} -gt 0 ]; then
  lat_verdict=$(printf '%s\n' "${latency_rows[@]}" | awk -F'|' '$5 + 0 > m { m = $5 + 0 } $5 ~ /-/ { missing = 1 }
    END { if (missing) print "not measured"; else printf "%s (worst p99 %.3f ms)", m <= 2 ? "**met**" : "**not met**", m }')
  targets+=("- added latency p99 ≤ 2 ms at $traced calls/s: $lat_verdict")
else
  targets+=("- added latency p99 ≤ 2 ms at $latency_rate calls/s: not measured")
fi

{
  echo "## End-to-end load: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Command: \`$command_line\`"
  echo "- Machine: nproc $nproc ($cpu_model), $(uname -r); uptime: $(uptime)"
  echo "- Calls: SIPp UAC → A (SIP/UDP) → M3UA/TCP → B → SIPp UAS (SIP/UDP), all on loopback; INVITE, 180, 200, ACK,"
  echo "  BYE after ${call_ms} ms, 200; $ncics circuits each side; logging at warning level, no syslog."
  echo "- Load: $sources SIPp PBXs (127.0.0.11-$((10 + sources))) to $sources SIPp callees (127.0.1.1-$sources), each 1/$sources of the rate"
  echo "  $warmup_note; $idle_note."
  echo "- Stopped because: $stop_reason"
  echo
  echo "| calls/s | placed/s | attempted | completed | failed | SIPp retrans | UDP drops A / B / other | A CPU s / 1000 calls | B CPU s / 1000 calls | KiB allocated per call A / B | GCs A / B (gen2) | GC pause µs per call A / B | A RSS MB peak / after | B RSS MB peak / after | CPU A / B / UAS / UAC | load avg before | step s | sustained |"
  echo "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--|--|--:|--|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "CPU s / 1000 calls × 1000 = µs per call; it includes the idle CPU above. CPU shares are of one core over the"
  echo "step (100% = one core busy; UAS and UAC: all $sources SIPp each). (traced): both gateways wrote a trace for ${trace_seconds} s of it."
  echo "UDP drops: datagrams the kernel dropped for a full receive buffer: at A's SIP socket, B's, and every other socket"
  echo "(the SIPp, from RcvbufErrors). Allocated, GCs and GC pause: from each gateway's status (GC.GetTotalAllocatedBytes,"
  echo "collection counts, GC.GetTotalPauseDuration) over the step; the pause is wall-clock time with the process stopped."
  echo "RSS: VmHWM since the gateway started / VmRSS once the step's calls have cleared."
  echo "Latency: from each gateway's own trace, read at the socket, at $traced calls/s over ${trace_seconds} s (tracing on)."
  echo
  echo "| interval | calls | p50 ms | p99 ms | max ms |"
  echo "|--|--:|--:|--:|--:|"
  printf '%s\n' "${latency_rows[@]}"
  echo
  echo "Targets (issue 8):"
  echo
  printf '%s\n' "${targets[@]}"
} >"$out/result.md"

echo
cat "$out/result.md"
echo
echo "(written to artifacts/bench-e2e/result.md)"
