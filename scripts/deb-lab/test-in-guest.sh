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

step "stop"
check "systemctl stop" systemctl stop "$unit"
expect "inactive after stop" "$(systemctl is-active "$unit")" inactive
expect "Result after stop" "$(prop Result)" success
expect "exit code after stop" "$(prop ExecMainStatus)" 0
check "journal has event=stop exit=0" bash -c "journalctl -u $unit -t $pkg --no-pager -o cat | grep -q 'event=stop exit=0'"
check "no process left in the unit's cgroup" bash -c "! kill -0 $pid 2>/dev/null"
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
expect "systemd no longer knows the unit" "$(prop LoadState)" not-found
check "no daemon process left" bash -c "! pgrep -x $pkg >/dev/null"

echo "# $failures of $(wc -l < "$list") checks failed ($((SECONDS - t0)) s)"
exit "$failures"
