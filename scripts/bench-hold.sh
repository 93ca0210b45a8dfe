#!/usr/bin/env bash
# `make bench-hold`: memory and idle CPU of established calls (issue 8 §2). Gateway A (SIP → ISUP) and gateway B
# (ISUP → SIP) of the back-to-back pair; SIPp sets up HOLD_CALLS calls (default 4,000) at HOLD_RATE calls/s in total
# (default 150) through A and B and keeps them HOLD_SECONDS (default 90) before hanging up. One DPC has 4,095 CICs, so
# for more calls HOLD_DPCS=N (default 1) gives the one gateway A N associations and N circuit groups (DPCs 2 .. N+1,
# CICs 1-ceil(HOLD_CALLS/N) each) toward N gateways B, each with its own SIPp UAS, and splits the calls and the rate
# between N SIPp UACs, each dialling a number (9<NN>4930123456, NN = 01 .. N) that only group NN's prefix routes.
# HOLD_AS=M (default 1) runs M gateways A, each with a circuit group toward every B (its own point code, so each A-B
# link has its own CICs): M x N links, one SIPp UAC each, so that every gateway holds calls/M or calls/N of them.
# Measured per gateway from /proc: VmRSS before (after a warm-up of short calls), while every call is up, and after;
# RSS per established call (each gateway over its share of the calls); CPU used while the calls are only held (no
# signalling but the timers); and that every call and circuit is free again at the end on every gateway. Writes
# artifacts/bench-hold/result.md. 30,000 calls: HOLD_CALLS=30000 HOLD_AS=3 HOLD_DPCS=3 HOLD_RATE=300 HOLD_SECONDS=200.
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${HOLD_CALLS:-4000} rate=${HOLD_RATE:-150} hold=${HOLD_SECONDS:-90} dpcs=${HOLD_DPCS:-1} as=${HOLD_AS:-1}
for n in "$calls" "$rate" "$hold" "$dpcs" "$as"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "bench-hold: HOLD_CALLS, HOLD_RATE, HOLD_SECONDS, HOLD_DPCS and HOLD_AS are positive integers" >&2; exit 2; }
done
[ "$hold" -ge $((calls / rate + 60)) ] || { echo "bench-hold: HOLD_SECONDS must outlast the setup (calls / rate) by 60 s" >&2; exit 2; }
# Ports of its own per A, B, UAS, UAC and link (below), none the tests use: 16 far ends and 4 As at most.
[ "$dpcs" -le 16 ] && [ "$as" -le 4 ] || { echo "bench-hold: HOLD_DPCS is at most 16, HOLD_AS at most 4" >&2; exit 2; }
links=$((as * dpcs))
[ "$calls" -ge "$links" ] || { echo "bench-hold: fewer calls than A-B links (HOLD_AS x HOLD_DPCS)" >&2; exit 2; }
per=$(( (calls + links - 1) / links ))
[ "$per" -le 4095 ] || { echo "bench-hold: at most 4095 calls per A-B link (one DPC's CICs): raise HOLD_DPCS or HOLD_AS" >&2; exit 2; }
# One link: every CIC equipped, as before HOLD_DPCS. Several: each group exactly as many circuits as its share of calls.
if [ "$links" -eq 1 ]; then cics=4095; else cics=$per; fi
scripts/install-packages.sh sip-tester >/dev/null
dotnet build src/Gateway -c Release -nologo -v quiet -clp:ErrorsOnly
daemon=$PWD/src/Gateway/bin/Release/net10.0/sip-isup-gateway
scenarios=$PWD/tests/Gateway.Tests/EndToEnd/Sipp
out=$PWD/artifacts/bench-hold
mkdir -p "$out"
work=$(mktemp -d /tmp/sip-isup-gateway-hold.XXXXXX)
# On a failure the work directory (configurations, gateway logs, SIPp screens and error logs) is kept in
# artifacts/bench-hold/failed-run: a 30,000-call run is too long to repeat for its logs.
cleanup() {
  local status=$?
  # Only this shell's background jobs still running (gateways and SIPp, each its own job): no pid that has exited and
  # might have been reused. The gateways drain for up to 7 s (shutdown 5 + 2): wait for them, so that a run right after
  # this one finds its ports free; whatever is still there after 15 s is killed.
  # shellcheck disable=SC2046
  kill $(jobs -pr) 2>/dev/null || true
  for _ in $(seq 150); do [ -n "$(jobs -pr)" ] || break; sleep 0.1; done
  # shellcheck disable=SC2046
  kill -9 $(jobs -pr) 2>/dev/null || true
  if [ "$status" -ne 0 ]; then rm -rf "$out/failed-run"; cp -r "$work" "$out/failed-run" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# Nothing here opens a descriptor per call (SIPp and the gateways use one UDP socket each, one TCP connection per
# association), but SIPp sizes its tables from -max_socket: give it the hard limit if the soft one is lower.
[ "$(ulimit -n)" -ge 8192 ] || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# Far end k (1 .. HOLD_DPCS, gateway B k, point code k + 1): B's SIP port, its UAS's port and the number dialled. A i
# (1 .. HOLD_AS): its SIP port and point code. Link l = (i - 1) * HOLD_DPCS + k between A i and B k: its M3UA port and
# its UAC's port. A 1, B 1 and link 1 keep the single pair's ports (5160, 5170, 5180, 2915, 5161), number and codes.
b_port() { if [ "$1" -eq 1 ]; then echo 5170; else echo $((5220 + $1)); fi; }
uas_port() { if [ "$1" -eq 1 ]; then echo 5180; else echo $((5240 + $1)); fi; }
a_port() { if [ "$1" -eq 1 ]; then echo 5160; else echo $((5280 + $1)); fi; }
a_pc() { if [ "$1" -eq 1 ]; then echo 1; else echo $((30 + $1)); fi; }
link() { echo $((($1 - 1) * dpcs + $2)); }
link_a() { echo $((($1 - 1) / dpcs + 1)); }
link_b() { echo $((($1 - 1) % dpcs + 1)); }
m3ua_port() { echo $((2914 + $1)); }
uac_port() { if [ "$1" -eq 1 ]; then echo 5161; else echo $((5300 + $1)); fi; }
prefix() { printf '9%02d' "$1"; }
number() { if [ "$links" -eq 1 ]; then echo 4930123456; else echo "$(prefix "$1")4930123456"; fi; }
share() { echo $((calls / links + ($1 <= calls % links ? 1 : 0))); }   # link l's calls
a_share() { local n=0 k; for k in $(seq "$dpcs"); do n=$((n + $(share "$(link "$1" "$k")"))); done; echo "$n"; }
b_share() { local n=0 i; for i in $(seq "$as"); do n=$((n + $(share "$(link "$i" "$1")"))); done; echo "$n"; }

# The example pair on ports of its own, no overload limit, and only warnings logged: the measurement is of calls, not
# of log lines. config SOURCE DEST [SED-ARGUMENTS ...]: the further sed expressions run after these.
config() {
  local source=$1 dest=$2; shift 2
  sed -e "s/\"1-31\"/\"1-$cics\"/" -e 's/5060/5160/g; s/5061/5161/g; s/5080/5180/g; s/5070/5170/g; s/2905/2915/g' \
      -e 's#"level": "information"#"level": "warning"#' -e 's#"syslog": \[[^]]*\]#"syslog": []#' \
      -e 's#"shutdown":#"overload": { "maxCallsPerSecond": 0, "maxCalls": 0 },\n  "shutdown":#' "$@" "$source" > "$dest"
  "$daemon" check-config --config "$dest" >/dev/null || { echo "bench-hold: $dest is refused:" >&2; "$daemon" check-config --config "$dest" >&2; exit 1; }
}
# Every UAC sends from 127.0.0.1, one source for A's per-source limit (5,000 messages/s by default, bursts of twice
# that): INVITE and ACK while calls are set up, BYE when they end. Raise it if the rate could come near.
a_common=()
if [ $((rate * 4)) -gt 5000 ]; then
  a_common+=(-e "s#\"sip\": {#\"sip\": { \"maxMessagesPerSecondPerSource\": $((rate * 4)),#")
fi
for i in $(seq "$as"); do
  a_edits=("${a_common[@]}")
  if [ "$links" -gt 1 ]; then
    # A i: one TCP client association, one circuit group and one route (its own prefix, no catch-all) per B.
    assocs='' groups='' routes=''
    for k in $(seq "$dpcs"); do
      [ "$k" -eq 1 ] || { assocs+=', '; groups+=', '; routes+=', '; }
      assocs+="{ \"name\": \"to-b$k\", \"transport\": \"tcp\", \"role\": \"ipsp\", \"mode\": \"client\", \"remoteAddress\": \"127.0.0.1\", \"remotePort\": $(m3ua_port "$(link "$i" "$k")"), \"routingContext\": 1 }"
      groups+="{ \"name\": \"to-b$k\", \"dpc\": $((k + 1)), \"association\": \"to-b$k\", \"cics\": [\"1-$cics\"] }"
      routes+="{ \"prefix\": \"$(prefix "$k")\", \"circuitGroup\": \"to-b$k\" }"
    done
    a_edits+=(-e "/\"name\": \"to-b\", \"transport\"/,/\"routingContext\": 1 }/c\\      $assocs"
              -e "s#\"circuitGroups\": \[.*\]#\"circuitGroups\": [ $groups ]#"
              -e "s#\"sipToIsup\": \[.*\],#\"sipToIsup\": [ $routes ],#"
              -e "s/5160/$(a_port "$i")/g; s/\"opc\": 1,/\"opc\": $(a_pc "$i"),/; s/\"gw-a\"/\"gw-a$i\"/")
  fi
  config examples/back-to-back/a.json "$work/a$i.json" "${a_edits[@]}"
done
for k in $(seq "$dpcs"); do
  # B k: one TCP server association (its own port) and one circuit group per A.
  assocs='' groups=''
  for i in $(seq "$as"); do
    [ "$i" -eq 1 ] || { assocs+=', '; groups+=', '; }
    assocs+="{ \"name\": \"from-a$i\", \"transport\": \"tcp\", \"role\": \"ipsp\", \"mode\": \"server\", \"localAddress\": \"127.0.0.1\", \"localPort\": $(m3ua_port "$(link "$i" "$k")"), \"remoteAddress\": \"127.0.0.1\", \"routingContext\": 1 }"
    groups+="{ \"name\": \"to-a$i\", \"dpc\": $(a_pc "$i"), \"association\": \"from-a$i\", \"cics\": [\"1-$cics\"] }"
  done
  config examples/back-to-back/b.json "$work/b$k.json" \
    -e "/\"name\": \"from-a\", \"transport\"/,/\"routingContext\": 1 }/c\\      $assocs" \
    -e "s#\"circuitGroups\": \[.*\]#\"circuitGroups\": [ $groups ]#" \
    -e "s#\"sipToIsup\": \[.*\],#\"sipToIsup\": [ { \"prefix\": \"\", \"circuitGroup\": \"to-a1\" } ],#" \
    -e "s/5170/$(b_port "$k")/g; s/5180/$(uas_port "$k")/g" \
    -e "s/\"opc\": 2,/\"opc\": $((k + 1)),/; s/\"gw-b\"/\"gw-b$k\"/"
  # Each UAS checks that the INVITE reaching it carries its own far end's number: the routing took the right group.
  sed "s/sip:4930123456@/sip:$(number "$k")@/" "$scenarios/uas-answer.xml" > "$work/uas-$k.xml"
done

gwb=() uas=() uac=()
for k in $(seq "$dpcs"); do
  mkdir -p "$work/run-b$k"
  RUNTIME_DIRECTORY="$work/run-b$k" "$daemon" run --config "$work/b$k.json" >"$work/b$k.log" 2>&1 & gwb[k]=$!
done
sleep 1
gwa=()
for i in $(seq "$as"); do
  mkdir -p "$work/run-a$i"
  RUNTIME_DIRECTORY="$work/run-a$i" "$daemon" run --config "$work/a$i.json" >"$work/a$i.log" 2>&1 & gwa[i]=$!
done

status() { "$daemon" status --json --socket "$work/run-$1/control.sock" 2>/dev/null || true; }
# The sum of a numeric field over the status: A and B have one "idle" (and "outgoing-answered") per circuit group.
field() { grep -o "\"$1\": [0-9]*" | grep -o '[0-9]*$' | awk '{ s += $1 } END { if (NR) print s }' || true; }
wait_for() {   # wait_for GATEWAY FIELD VALUE SECONDS
  for _ in $(seq $(($4 * 10))); do [ "$(status "$1" | field "$2")" = "$3" ] && return 0; sleep 0.1; done
  echo "bench-hold: gateway $1 never had $2 = $3" >&2; tail -n 20 "$work"/*.log >&2; exit 1
}
all_idle() {   # all_idle SECONDS: every circuit idle at every A and at every B
  for i in $(seq "$as"); do wait_for "a$i" idle $((dpcs * cics)) "$1"; done
  for k in $(seq "$dpcs"); do wait_for "b$k" idle $((as * cics)) "$1"; done
}
all_ended() {   # all_ended SECONDS: no call left at any A or B, and every B's BYEs answered
  for i in $(seq "$as"); do wait_for "a$i" active 0 "$1"; done
  for k in $(seq "$dpcs"); do wait_for "b$k" active 0 "$1"; wait_for "b$k" clientTransactions 0 "$1"; done
}
all_idle 60
rss() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }     # KiB
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }          # ticks
hz=$(getconf CLK_TCK)

# The UASes have no -m: SIPp counts a stray message (a BYE retransmitted to the port after the previous UAS there had
# gone) as one of its calls and would stop early, leaving calls unanswered. They are stopped once every call has ended
# and every BYE has been answered (stop_uases); -timeout bounds them.
sipp_uas() {   # sipp_uas K TIMEOUT: B k's callee, in the background
  (cd "$scenarios" && exec sipp -sf "$work/uas-$1.xml" -i 127.0.0.1 -p "$(uas_port "$1")" -nostdin -timeout "$2" \
    -key service "$(number "$1")" -trace_err -error_file "$work/uas-$1.err" >"$work/uas-$1.out" 2>&1) & uas[$1]=$!
}
sipp_uac() {   # sipp_uac L SCENARIO CALLS HOLD_MS TIMEOUT RATE: link l's caller, A i dialling B k; RATE is the total
  local a b; a=$(link_a "$1") b=$(link_b "$1")
  (cd "$scenarios" && exec sipp -sf "$2" -i 127.0.0.1 -p "$(uac_port "$1")" -s "$(number "$b")" -m "$3" -l "$3" \
    -r "$6" -rp "$((links * 1000))" -d "$4" -nostdin -timeout "$5" -max_socket 4096 -trace_err -error_file "$work/uac-$1.err" \
    "127.0.0.1:$(a_port "$a")" >"$work/uac-$1.out" 2>&1) &
  uac[$1]=$!
}
stop_uases() {   # each UAS still running (one that timed out has gone, and its pid may be another's by now)
  for k in $(seq "$dpcs"); do
    if jobs -pr | grep -qx "${uas[k]}"; then kill "${uas[k]}" 2>/dev/null || true; fi
    wait "${uas[k]}" 2>/dev/null || true
  done
}
wait_uacs() {   # wait for every UAC (not in a subshell: they are this shell's children); failed: those that failed
  failed=''
  for l in $(seq "$links"); do wait "${uac[l]}" || failed+=" $l"; done
}

# 500 short calls through each B, as through the single pair's B, shared by the As: each B has run every path of a
# call before it is measured (each A runs ceil(500 / HOLD_AS) per B).
warm=$(( (500 + as - 1) / as )) warm_timeout=$((500 * dpcs / 100 + 60))
echo "== warm-up: $((warm * links)) short calls"
for k in $(seq "$dpcs"); do sipp_uas "$k" "$((warm_timeout + 60))s"; done
sleep 0.5
for l in $(seq "$links"); do sipp_uac "$l" uac-call.xml "$warm" 0 "${warm_timeout}s" 100; done
wait_uacs
[ -z "$failed" ] || { echo "bench-hold: warm-up calls failed (UAC$failed)" >&2; for l in $failed; do tail -n 30 "$work/uac-$l.out" >&2; done; exit 1; }
all_ended 60
stop_uases
rss_a0=() rss_b0=()
for i in $(seq "$as"); do rss_a0[i]=$(rss "${gwa[i]}"); done
for k in $(seq "$dpcs"); do rss_b0[k]=$(rss "${gwb[k]}"); done

echo "== $calls calls at $rate/s, held $hold s, through $as A(s) and $dpcs DPC(s)"
for k in $(seq "$dpcs"); do sipp_uas "$k" "$((hold * 3 + 120))s"; done
sleep 0.5
started=$SECONDS
for l in $(seq "$links"); do sipp_uac "$l" uac-hold.xml "$(share "$l")" "$((hold * 1000))" "$((hold * 3 + 120))s" "$rate"; done
for i in $(seq "$as"); do wait_for "a$i" active "$(a_share "$i")" $((calls / rate + 60)); done
setup=$((SECONDS - started))
# The INVITE server transactions linger 64*T1 = 32 s after their 2xx (RFC 6026 Timer L): from then on only held calls.
sleep 35
rss_a1=() heap_a=() cpu_a0=() cpu_a1=() rss_a2=() rss_b1=() heap_b=() cpu_b0=() cpu_b1=() rss_b2=()
for i in $(seq "$as"); do
  rss_a1[i]=$(rss "${gwa[i]}") heap_a[i]=$(status "a$i" | field managedHeapBytes) cpu_a0[i]=$(cpu "${gwa[i]}")
done
for k in $(seq "$dpcs"); do
  rss_b1[k]=$(rss "${gwb[k]}") heap_b[k]=$(status "b$k" | field managedHeapBytes) cpu_b0[k]=$(cpu "${gwb[k]}")
done
idle=20
sleep $idle
for i in $(seq "$as"); do cpu_a1[i]=$(cpu "${gwa[i]}"); done
for k in $(seq "$dpcs"); do cpu_b1[k]=$(cpu "${gwb[k]}"); done
circuits_busy=0
for i in $(seq "$as"); do
  answered=$(status "a$i" | field outgoing-answered)
  circuits_busy=$((circuits_busy + ${answered:-0}))   # a status that did not answer counts none, not a syntax error
done
wait_uacs
all_ended 60
all_idle 60
stop_uases
for i in $(seq "$as"); do rss_a2[i]=$(rss "${gwa[i]}"); done
for k in $(seq "$dpcs"); do rss_b2[k]=$(rss "${gwb[k]}"); done

per_call() { echo $(( ($2 - $1) * 1024 / $3 )); }   # per_call BEFORE_KIB WITH_KIB CALLS: bytes
percent() { awk -v t="$(( $2 - $1 ))" -v hz="$hz" -v s="$idle" 'BEGIN { printf "%.1f", 100 * t / hz / s }'; }
row() {   # row LABEL RSS0 RSS1 HEAP RSS2 CALLS CPU0 CPU1
  echo "| $1 | $(($2 / 1024)) MiB | $(($3 / 1024)) MiB | $((${4:-0} / 1048576)) MiB | $(($5 / 1024)) MiB | $(per_call "$2" "$3" "$6") B | $(percent "$7" "$8") % |"
}
across() {   # across NAME COUNT, then "BYTES-PER-CALL CPU-TICKS" lines: min/mean/max per call, CPU summed and the busiest
  awk -v hz="$hz" -v s="$idle" -v name="$1" -v n="$2" '
    NR == 1 { min = max = $1 } { sum += $1; if ($1 < min) min = $1; if ($1 > max) max = $1; t += $2; if ($2 > tmax) tmax = $2 }
    END { printf "Across the %d %s: RSS per established call min %d B, mean %d B, max %d B; CPU while held %.1f %% of a core summed, %.1f %% the busiest.\n",
          n, name, min, sum / n, max, 100 * t / hz / s, 100 * tmax / hz / s }'
}
{
  echo "| gateway | RSS before | RSS with $calls calls up | managed heap then | RSS after | RSS per established call | CPU while held (${idle} s) |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  if [ "$links" -eq 1 ]; then
    row "A (SIP → ISUP)" "${rss_a0[1]}" "${rss_a1[1]}" "${heap_a[1]}" "${rss_a2[1]}" "$calls" "${cpu_a0[1]}" "${cpu_a1[1]}"
    row "B (ISUP → SIP)" "${rss_b0[1]}" "${rss_b1[1]}" "${heap_b[1]}" "${rss_b2[1]}" "$calls" "${cpu_b0[1]}" "${cpu_b1[1]}"
  else
    for i in $(seq "$as"); do
      if [ "$as" -eq 1 ]; then label="A (SIP → ISUP, $dpcs DPCs, all $calls calls)"; else label="A$i (SIP → ISUP, OPC $(a_pc "$i"), $dpcs DPCs, $(a_share "$i") calls)"; fi
      row "$label" "${rss_a0[i]}" "${rss_a1[i]}" "${heap_a[i]}" "${rss_a2[i]}" "$(a_share "$i")" "${cpu_a0[i]}" "${cpu_a1[i]}"
    done
    for k in $(seq "$dpcs"); do
      row "B$k (ISUP → SIP, DPC $((k + 1)), $(b_share "$k") calls)" "${rss_b0[k]}" "${rss_b1[k]}" "${heap_b[k]}" "${rss_b2[k]}" \
        "$(b_share "$k")" "${cpu_b0[k]}" "${cpu_b1[k]}"
    done
  fi
  echo
  if [ "$as" -gt 1 ]; then
    for i in $(seq "$as"); do
      echo "$(per_call "${rss_a0[i]}" "${rss_a1[i]}" "$(a_share "$i")") $(( cpu_a1[i] - cpu_a0[i] ))"
    done | across As "$as"
  fi
  if [ "$dpcs" -gt 1 ]; then
    for k in $(seq "$dpcs"); do
      echo "$(per_call "${rss_b0[k]}" "${rss_b1[k]}" "$(b_share "$k")") $(( cpu_b1[k] - cpu_b0[k] ))"
    done | across Bs "$dpcs"
  fi
  echo "$calls calls set up in ${setup} s (${rate}/s asked, split over $links SIPp UAC(s)), $circuits_busy circuits answered at the A(s) while held;"
  echo "SIPp UACs that failed:${failed:- none}; every call ended and every circuit idle again on every gateway ($((dpcs * cics)) at each A, $((as * cics)) at each B)."
  echo "$(nproc) cores; load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Command: HOLD_CALLS=$calls HOLD_AS=$as HOLD_DPCS=$dpcs HOLD_RATE=$rate HOLD_SECONDS=$hold make bench-hold"
} | tee "$out/result.md"
[ -z "$failed" ] || { echo "bench-hold: SIPp reported failed calls" >&2; for l in $failed; do tail -n 40 "$work/uac-$l.out" >&2; done; exit 1; }
