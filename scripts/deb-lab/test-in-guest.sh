#!/bin/bash
# usage (inside the deb-lab guest, systemd as PID 1, from /lab): test-in-guest.sh DEB_FILE
# The installed package's checklist: one line per check, "ok - ..." or "not ok - ...", then a summary line.
# The lines also go to result/checklist.txt, which test-deb.sh counts. Exit status: the number of failed checks.
# No set -e: a failed check must not stop the ones after it.
set -uo pipefail
deb=${1:?usage: $0 DEB_FILE}
pkg=sip-isup-gateway unit=sip-isup-gateway.service conf=/etc/sip-isup-gateway/gateway.json
list=/lab/result/checklist.txt
: > "$list"
failures=0 t0=$SECONDS
ok()     { echo "ok - $*" | tee -a "$list"; }
not_ok() { echo "not ok - $*" | tee -a "$list"; failures=$((failures + 1)); }
# check DESCRIPTION COMMAND...: the command's status is the verdict.
check()  { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }
# expect DESCRIPTION ACTUAL WANTED: prints what was seen when it differs.
expect() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', want '$3')"; fi; }
prop()   { systemctl show -P "$1" "$unit"; }
step()   { echo "# $* ($((SECONDS - t0)) s)"; }

step "install"
# Offline: the root has every dependency and the package lists to resolve them against (make-rootfs.sh).
check "apt-get install ./$deb" apt-get install -y -q --no-install-recommends "./$deb" </dev/null
# The daemon needs SCTP for M3UA and exits 69 without it: the postinst loads it (and modules-load.d at boot).
check "sctp loaded by the postinst's modprobe" test -e /proc/net/sctp
# The postinst ignores a failed start (as debhelper's does), so whether the daemon runs is checked here, not there.
expect "systemctl is-active $pkg after install" "$(systemctl is-active "$unit")" active
expect "unit enabled by the postinst" "$(systemctl is-enabled "$unit")" enabled

step "watchdog drop-in"
# WatchdogSec=30 would make the watchdog check take a minute; 4 s proves the same thing in seconds.
mkdir -p "/etc/systemd/system/$unit.d"
printf '[Service]\nWatchdogSec=4\n' > "/etc/systemd/system/$unit.d/deb-lab-watchdog.conf"
systemctl daemon-reload
check "systemctl restart with WatchdogSec=4" systemctl restart "$unit"
expect "WatchdogUSec from the drop-in" "$(prop WatchdogUSec)" 4s

step "readiness"
# Type=notify turns active/running only on READY=1 from the main process; STATUS= text comes from the daemon alone.
show=$(systemctl show -p Type,NotifyAccess,ActiveState,SubState "$unit" | sort | tr '\n' ' ')
expect "active through READY=1 ($show)" "$show" "ActiveState=active NotifyAccess=main SubState=running Type=notify "
status_text=$(prop StatusText)
check "StatusText set by the daemon: '$status_text'" test -n "$status_text"
# The control: a notify unit that never says READY=1 must not become active, or the line above would prove nothing.
systemd-run --quiet --unit=deb-lab-never-ready -p Type=notify -p TimeoutStartSec=2 /bin/sleep 30 2>/dev/null
expect "control: a notify unit without READY=1 is not active" \
  "$(systemctl is-active deb-lab-never-ready.service)" failed
systemctl reset-failed deb-lab-never-ready.service 2>/dev/null

step "watchdog"
pid=$(prop MainPID)
# Three watchdog periods (six of the daemon's half-interval pings): a daemon that did not ping would be killed twice over.
sleep 12
expect "still active after 12 s with WatchdogSec=4" "$(systemctl is-active "$unit")" active
expect "same MainPID (no watchdog kill and restart)" "$(prop MainPID)" "$pid"
expect "NRestarts" "$(prop NRestarts)" 0

step "logs"
# -t: only the daemon's own lines, not systemd's about the unit.
check "journal of the unit has event=start" bash -c "journalctl -u $unit -t $pkg --no-pager -o cat | grep -q 'event=start'"
expect "rsyslog is running" "$(systemctl is-active rsyslog)" active
# rsyslog writes asynchronously: give it a moment. Anchored on the tag so this script's forwarded output cannot match.
for _ in 1 2 3 4 5; do grep -qE " $pkg\[[0-9]+\]: .*event=start" /var/log/syslog 2>/dev/null && break; sleep 1; done
check "/var/log/syslog has the daemon's event=start" grep -qE " $pkg\[[0-9]+\]: .*event=start" /var/log/syslog

step "sandbox"
# The hardening is only worth its lines if the running daemon is really inside it: looked at from its own namespace.
pid=$(prop MainPID)
in_ns() { nsenter -t "$pid" -m -- "$@"; }
expect "runs as the package's user" "$(ps -o user= -p "$pid" | tr -d ' ')" "$pkg"
expect "NoNewPrivileges (NoNewPrivs in /proc)" "$(awk '/^NoNewPrivs:/ {print $2}' "/proc/$pid/status")" 1
expect "no capabilities (CapBnd)" "$(awk '/^CapBnd:/ {print $2}' "/proc/$pid/status")" 0000000000000000
expect "no effective capabilities (CapEff)" "$(awk '/^CapEff:/ {print $2}' "/proc/$pid/status")" 0000000000000000
expect "a seccomp filter is on (RestrictAddressFamilies)" "$(awk '/^Seccomp:/ {print $2}' "/proc/$pid/status")" 2
check "ProtectSystem=strict: /usr and /etc read-only inside" in_ns sh -c '! touch /usr/.deb-lab 2>/dev/null && ! touch /etc/.deb-lab 2>/dev/null'
touch /root/.deb-lab-home /tmp/.deb-lab-tmp
check "ProtectHome: /root is empty inside" in_ns test ! -e /root/.deb-lab-home
check "PrivateTmp: the host's /tmp is not seen inside" in_ns test ! -e /tmp/.deb-lab-tmp
# /dev/kmsg: a real device every kernel has (the guest's disk is a host directory, so it has no block device).
check "PrivateDevices: the host's /dev/kmsg is not seen inside" bash -c "test -c /dev/kmsg && nsenter -t $pid -m -- test ! -e /dev/kmsg"
check "PrivateDevices keeps /dev/log inside (a link to journald's socket)" in_ns test -S /dev/log
# -t: the daemon's own lines by their tag; -o json: the facility they arrived with. 16 = local0.
facility=$(journalctl -u "$unit" -t "$pkg" --no-pager -o json | grep '"MESSAGE":"[^"]*event=start' | tail -n 1 | grep -o '"SYSLOG_FACILITY":"[0-9]*"')
expect "event=start reached the journal through /dev/log as local0" "$facility" '"SYSLOG_FACILITY":"16"'
check "each line once in the journal (console off)" bash -c \
  "[ \$(journalctl -u $unit -t $pkg --no-pager -o cat _PID=$pid | grep -c 'event=start') -eq 1 ]"

step "operator CLI"
sock=/run/$pkg/control.sock
expect "control socket mode and group" "$(stat -c '%a %G' "$sock")" "660 $pkg"
check "sip-isup-gateway status as root" bash -c "sip-isup-gateway status | grep -q 'association'"
check "sip-isup-gateway status --json names the node" bash -c "sip-isup-gateway status --json | grep -q '\"node\": \"gw1\"'"
check "sip-isup-gateway circuits lists CIC 31" bash -c "sip-isup-gateway circuits --json | grep -q '\"cic\": 31'"
id deb-lab-op >/dev/null 2>&1 || useradd -M -s /bin/sh deb-lab-op
id deb-lab-member >/dev/null 2>&1 || useradd -M -s /bin/sh -G "$pkg" deb-lab-member
check "a member of group $pkg may use the CLI" runuser -u deb-lab-member -- sip-isup-gateway calls
out=$(runuser -u deb-lab-op -- sip-isup-gateway status 2>&1); rc=$?
expect "anyone else is refused with exit 69" "$rc" 69
check "... and told why in one line: $out" bash -c "[ \$(printf '%s\n' \"$out\" | wc -l) -eq 1 ] && printf '%s' \"$out\" | grep -q 'permission denied'"
check "trace start call.pcapng" sip-isup-gateway trace start call.pcapng
# An OPTIONS from the guest's own shell: the daemon answers it, so both directions are traced.
printf 'OPTIONS sip:gw@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-deb-lab\r\nMax-Forwards: 70\r\nFrom: <sip:lab@127.0.0.1>;tag=1\r\nTo: <sip:gw@127.0.0.1>\r\nCall-ID: deb-lab-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n' > /dev/udp/127.0.0.1/5060
sleep 1
check "trace stop" sip-isup-gateway trace stop
trace=/var/log/$pkg/call.pcapng
# Not its owner: the guest's /var is the host's directory (hostfs), where every file belongs to the host's user.
check "the trace is in the unit's LogsDirectory" test -s "$trace"
expect "it is pcapng (section header block magic)" "$(head -c 4 "$trace" | od -An -tx1 | tr -d ' ')" 0a0d0d0a
check "it holds the OPTIONS" grep -qa 'Call-ID: deb-lab-1' "$trace"
check "systemctl reload (ExecReload= the CLI)" systemctl reload "$unit"
check "journal has event=reload result=applied" bash -c "journalctl -u $unit -t $pkg --no-pager -o cat | grep -q 'event=reload result=applied'"
expect "same MainPID after reload" "$(prop MainPID)" "$pid"
userdel deb-lab-op; userdel deb-lab-member

step "stop"
check "systemctl stop" systemctl stop "$unit"
expect "inactive after stop" "$(systemctl is-active "$unit")" inactive
expect "Result after stop" "$(prop Result)" success
expect "exit code after stop" "$(prop ExecMainStatus)" 0
check "journal has event=stop exit=0" bash -c "journalctl -u $unit -t $pkg --no-pager -o cat | grep -q 'event=stop exit=0'"
check "no process left in the unit's cgroup" bash -c "! kill -0 $pid 2>/dev/null"
out=$(sip-isup-gateway status 2>&1); rc=$?
expect "the CLI without the daemon exits 69" "$rc" 69
check "... saying it is not running: $out" bash -c "printf '%s' \"$out\" | grep -q 'not running'"
check "systemctl start again" systemctl start "$unit"

step "upgrade keeps a modified conffile"
# A valid edit the daemon shows it read: the node name, which event=start logs.
sed -i 's/"name": "gw1"/"name": "deb-lab-node"/' "$conf"
check "conffile edited" grep -q '"deb-lab-node"' "$conf"
check "apt-get install --reinstall ./$deb" apt-get install -y -q --reinstall --no-install-recommends "./$deb" </dev/null
check "edited conffile kept" grep -q '"deb-lab-node"' "$conf"
check "no .dpkg-dist/.dpkg-new left beside it" bash -c "! ls $conf.dpkg-* 2>/dev/null"
expect "active after the upgrade" "$(systemctl is-active "$unit")" active
check "the restarted daemon read the kept file (node=deb-lab-node)" bash -c \
  "journalctl -u $unit -t $pkg --no-pager -o cat | grep 'event=start' | tail -n 1 | grep -q 'node=deb-lab-node'"

step "purge"
rm -rf "/etc/systemd/system/$unit.d"
check "apt-get purge $pkg" apt-get purge -y -q "$pkg" </dev/null
expect "user removed (getent passwd $pkg)" "$(getent passwd "$pkg")" ""
expect "group removed (getent group $pkg)" "$(getent group "$pkg")" ""
check "/etc/sip-isup-gateway removed" test ! -e /etc/sip-isup-gateway
check "/var/log/sip-isup-gateway (traces) removed" test ! -e /var/log/sip-isup-gateway
expect "systemd no longer knows the unit" "$(prop LoadState)" not-found
check "no daemon process left" bash -c "! pgrep -x $pkg >/dev/null"

echo "# $failures of $(wc -l < "$list") checks failed ($((SECONDS - t0)) s)"
exit "$failures"
