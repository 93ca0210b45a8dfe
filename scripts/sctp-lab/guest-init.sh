#!/bin/sh
# PID 1 of the SCTP lab's user-mode-linux guest; run-in-uml.sh boots the kernel with it. Its one argument is the
# run's control folder on the host: "workdir" names the folder to mount read-write, "command" is the bash script to
# run there, and "status" receives that script's exit status, which run-in-uml.sh hands back to its caller.
#
# The root file system is the host's / through hostfs, read-only, so this runs the host's /bin/sh and everything the
# command needs comes from the host. PID 1 must never exit (the kernel would panic), so there is no `set -e`: every
# step says what failed and carries on, and a missing SCTP is left for the command to find and report.
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
ctl_host=$1
ctl=/run/sctp-lab
say() { echo "sctp-lab init: $*"; }

# Fresh kernel file systems and writable scratch space over the read-only host tree.
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mountpoint -q /dev || mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
for d in /tmp /run /var/tmp; do mount -t tmpfs -o mode=1777 tmpfs "$d"; done
# Boot was silent (loglevel=1: UML reports devices it does not have); from now on the kernel may warn again.
echo 4 > /proc/sys/kernel/printk
# The console is a terminal that would turn every \n into \r\n on its way to the caller's log.
stty -onlcr 2>/dev/null

mkdir -p "$ctl"
if ! mount -t hostfs -o "$ctl_host" hostfs "$ctl"; then
  say "cannot mount the control folder $ctl_host"
  busybox poweroff -f
fi
workdir=$(cat "$ctl/workdir")
# After the tmpfs mounts above, so that a work folder under /tmp is the host's and not the guest's empty one.
mkdir -p "$workdir"
mount -t hostfs -o "$workdir" hostfs "$workdir" || say "cannot mount $workdir read-write"

# Load a module after what modules.dep says it needs. The guest has no modprobe that can find UML's modules (they
# live under /usr/lib/uml/modules, not /lib/modules), so this is busybox insmod in dependency order.
modules=/usr/lib/uml/modules/$(uname -r)
load() {
  entry=$(grep -m1 "^kernel/\(.*/\)\?$1\.ko:" "$modules/modules.dep")
  if [ -z "$entry" ]; then
    say "module $1 is not in $modules/modules.dep"
    return 1
  fi
  path=${entry%%:*}
  # modules.dep lists a module's dependencies innermost last: load them from the end.
  for dep in $(echo "${entry#*:}" | tr ' ' '\n' | sed '/^$/d' | tac); do
    insert "$dep"
  done
  insert "$path"
}
insert() {
  name=$(basename "$1" .ko | tr - _)
  grep -q "^$name " /proc/modules && return 0
  busybox insmod "$modules/$1" || say "insmod $1 failed"
}
# SCTP signs its state cookies with hmac(md5). The kernel asks for the hmac template through modprobe when the first
# SCTP socket is made, which cannot work here; without it socket() fails with ENOSYS. So hmac goes in first, by hand.
if [ -e "$ctl/without-sctp" ]; then
  say "SCTP left out on request (SCTP_LAB_WITHOUT_SCTP=1)"
elif [ -d "$modules" ]; then
  load hmac
  load sctp
else
  say "no modules for this kernel at $modules"
fi
[ -e /proc/net/sctp ] || say "SCTP did not come up: /proc/net/sctp is missing"

busybox ip link set lo up || say "cannot bring up lo"
busybox hostname sctp-lab

/bin/bash "$ctl/command"
echo $? > "$ctl/status"
sync
echo 1 > /proc/sys/kernel/printk
busybox poweroff -f
