# shellcheck shell=bash disable=SC2034,SC2154  # sourced: the caller sets root, out, cics, sources; it reads clk_tck and the rest
# Sourced by bench-e2e.sh and ../bench-overload.sh: the back-to-back pair under load on loopback, up and ready, with
# BENCH_SOURCES SIPp callees (uas-load.xml) behind gateway B, and the probes both benches read.
#
# The caller sets root (the repository), out (an empty directory for configurations, logs and SIPp files), cics,
# sources, max_message_bytes (empty: the configuration's default) and may set overload_a / overload_b (each
# gateway's "overload" section, JSON; default: both limits off) and per_source_limit (the gateways'
# sip.maxMessagesPerSecondPerSource; default: the configuration's). Every process started here or added to pids is
# killed on exit.
daemon=$root/src/Gateway/bin/Release/net10.0/sip-isup-gateway
scenarios=$root/tests/Gateway.Tests/EndToEnd/Sipp
run=$(mktemp -d /tmp/sip-isup-gateway-bench.XXXXXX)   # the control sockets: short paths (a socket path is < 108 octets)
mkdir -p "$run/a" "$run/b"
clk_tck=$(getconf CLK_TCK)

pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 0.5
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  rm -rf "$run"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The back-to-back example, with every circuit (so that circuits never limit the rate), the overload limits the
# caller chose (bench-e2e: none, as it looks for where the gateway itself gives way), no syslog and warnings only
# on the console (to a file): logging must not dominate. A admits calls from every PBX address; B has one trunk and
# one route per callee.
overload_off='{ "maxCallsPerSecond": 0, "maxCalls": 0 }'
overload_a=${overload_a:-$overload_off}
overload_b=${overload_b:-$overload_off}
pbx_ip() { echo "127.0.0.$((10 + $1))"; }
callee_ip() { echo "127.0.1.$1"; }
prefix() { printf '49%02d' "$1"; }
pbx_sources=$(for k in $(seq "$sources"); do printf '"%s"' "$(pbx_ip "$k")"; if [ "$k" -lt "$sources" ]; then printf ', '; fi; done)
callee_trunks=$(for k in $(seq "$sources"); do
  printf '{ "name": "callee%02d", "transport": "udp", "address": "%s", "port": 5080, "sources": ["%s"] }' "$k" "$(callee_ip "$k")" "$(callee_ip "$k")"
  if [ "$k" -lt "$sources" ]; then printf ', '; fi; done)
callee_routes=$(for k in $(seq "$sources"); do
  printf '{ "prefix": "%s", "trunk": "callee%02d" }' "$(prefix "$k")" "$k"; if [ "$k" -lt "$sources" ]; then printf ', '; fi; done)
for s in a b; do
  overload=$overload_a; [ "$s" = a ] || overload=$overload_b
  sed -e "s#\"cics\": \[\"1-31\"\]#\"cics\": [\"$cics\"]#" \
      -e 's#"level": "information",#"level": "warning",#' \
      -e 's#"syslog": \[.*\]#"syslog": []#' \
      -e "s#\"name\": \"pbx\",\(.*\)\"sources\": \[\"127.0.0.1\"\]#\"name\": \"pbx\",\1\"sources\": [$pbx_sources]#" \
      -e "s#{ \"name\": \"pstn-uas\".*}#$callee_trunks#" \
      -e "s#{ \"prefix\": \"\", \"trunk\": \"pstn-uas\" }#$callee_routes#" \
      -e "${max_message_bytes:+s#\"sip\": {#\"sip\": { \"maxMessageBytes\": $max_message_bytes,#}" \
      -e "${per_source_limit:+s#\"sip\": {#\"sip\": { \"maxMessagesPerSecondPerSource\": $per_source_limit,#}" \
      -e "s#\"shutdown\":#\"overload\": $overload,\\n  \"shutdown\":#" \
      "examples/back-to-back/$s.json" >"$out/gateway-$s.json"
  "$daemon" check-config --config "$out/gateway-$s.json"
done
ncics=$(awk -F- '{ print ($2 == "" ? 1 : $2 - $1 + 1) }' <<<"$cics")

# The example's fixed ports: another run of a bench (another work tree on this machine) would make a gateway fail to
# bind, which is better said plainly than as a pair that did not start.
busy=$(ss -Hlnt '( sport = :2905 or sport = :5060 or sport = :5070 )'; ss -Huan '( sport = :5060 or sport = :5070 )')
if [ -n "$busy" ]; then
  echo "the pair's ports (SIP 5060 and 5070, M3UA 2905 on 127.0.0.1) are in use, by another bench perhaps:" >&2
  ss -Hlntp '( sport = :2905 or sport = :5060 or sport = :5070 )' >&2 || true
  exit 1
fi
echo "== gateway B, then gateway A"
RUNTIME_DIRECTORY="$run/b" "$daemon" run --config "$out/gateway-b.json" >"$out/console-b.log" 2>&1 &
gwb=$!
pids+=("$gwb")
RUNTIME_DIRECTORY="$run/a" "$daemon" run --config "$out/gateway-a.json" >"$out/console-a.log" 2>&1 &
gwa=$!
pids+=("$gwa")

status() { "$daemon" status --json --socket "$run/$1/control.sock" 2>/dev/null || true; }
# Ready: A's association is active, each side sees the other's point code available and all its circuits idle
# (each side's GRS answered).
ready() {
  local s
  for s in a b; do
    s=$(status "$s")
    grep -q '"state": "available"' <<<"$s" && grep -q "\"idle\": $ncics," <<<"$s" || return 1
  done
  grep -q '"asp": "asp-active"' <<<"$(status a)"
}
for _ in $(seq 600); do
  ready && break
  kill -0 "$gwa" 2>/dev/null && kill -0 "$gwb" 2>/dev/null || break
  sleep 0.1
done
if ! ready; then
  echo "the pair did not start: A's association active with every circuit idle on both sides" >&2
  tail -n 30 "$out/console-a.log" "$out/console-b.log" >&2
  status a >&2
  exit 1
fi
echo "   up: A pid $gwa, B pid $gwb, $ncics circuits each"

source "$root/scripts/bench-e2e/probes.sh"
active_calls() { status "$1" | awk '/"calls"/ { c = 1 } c && /"active"/ { gsub(/[^0-9]/, ""); print; exit }'; }
hwm_mb() { awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# UDP datagrams the kernel dropped for a full socket receive buffer (this network namespace, every socket).
# The same for the gateways' own SIP sockets, A's 127.0.0.1:5060 and B's 127.0.0.1:5070: "A B".
sip_drops() {
  ss -uanm | awk '/^[^ \t]/ { addr = $4 } /skmem/ && match($0, /,d[0-9]+\)/) { d = substr($0, RSTART + 2, RLENGTH - 3)
    if (addr == "127.0.0.1:5060") a += d; else if (addr == "127.0.0.1:5070") b += d } END { print a + 0, b + 0 }'
}
# Each gateway's collections (all, gen2), bytes allocated and milliseconds paused for the GC so far, from its status:
# what a step cost the GC.
gc_figures() {
  status "$1" | awk -F': ' '/"gcCount"/ { g = $2 + 0 } /"gen2GcCount"/ { g2 = $2 + 0 } /"allocatedBytes"/ { m = $2 + 0 }
    /"gcPauseMilliseconds"/ { p = $2 + 0 } END { printf "%d %d %.0f %d\n", g, g2, m, p }'
}
udp_drops() { awk '/^Udp:/ { if (!h) { for (i = 1; i <= NF; i++) if ($i == "RcvbufErrors") c = i; h = 1 } else { print $c + 0; exit } }' /proc/net/snmp; }

echo "== the callees: $sources SIPp on 127.0.1.1-$sources:5080"
uas=()
for k in $(seq "$sources"); do
  (cd "$out" && exec sipp -sf "$scenarios/uas-load.xml" -i "$(callee_ip "$k")" -p 5080 -nostdin -recv_timeout 10000 \
    -trace_stat -stf "$out/sipp-uas-$k.csv" -fd 5 -trace_err -error_file "$out/sipp-uas-$k-errors.log" >"$out/sipp-uas-$k.out" 2>&1) &
  uas+=($!)
  pids+=($!)
done
for _ in $(seq 100); do [ "$(grep -c ':13D8 ' /proc/net/udp)" -ge "$sources" ] && break; sleep 0.1; done   # 5080 bound
for p in "${uas[@]}"; do
  kill -0 "$p" 2>/dev/null || { echo "a callee's SIPp did not start" >&2; cat "$out"/sipp-uas-*.out >&2; exit 1; }
done
uas_ticks() { local p t=0; for p in "${uas[@]}"; do t=$((t + $(ticks "$p"))); done; echo "$t"; }

# Calls still clearing at either gateway (REL/RLC after the last 200 to BYE) belong to the step that placed them.
wait_idle() {
  for _ in $(seq 150); do
    [ "$(active_calls a)" = 0 ] && [ "$(active_calls b)" = 0 ] && break
    sleep 0.1
  done
  kill -0 "$gwa" 2>/dev/null && kill -0 "$gwb" 2>/dev/null || { echo "a gateway died" >&2; tail "$out"/console-*.log >&2; exit 1; }
}
