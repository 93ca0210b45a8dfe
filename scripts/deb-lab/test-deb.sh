#!/usr/bin/env bash
# `make test-deb`: installs the .deb into Debian 12 booted under user-mode-linux with systemd as PID 1, and runs
# test-in-guest.sh there: install, READY=1, watchdog, journal and syslog, clean stop, upgrade keeping a modified
# conffile, purge (docs/testing-deb.md). CI's machine has no systemd as init and no KVM; UML gives a real one.
#
# Results: artifacts/test-results/deb/deb.trx (one result per check), which `make test` (scripts/test.sh) adds to
# its final "N passed, N failed, N skipped" line, with the console log, journal and syslog of the guest. Until this
# script has succeeded that folder also holds a file "failed" saying why, so a lab that broke before any check ran
# still counts as a failure there.
# Exit status: 0 only when every check ran and passed.
#
# Knobs (environment): DEB_LAB_TIMEOUT (seconds for the UML run, default 600), DEB_LAB_MEM (default 1G),
# DEB_LAB_CACHE (where the root is kept, default /var/cache/sip-isup-gateway-deb-lab).
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$SECONDS
results=$PWD/artifacts/test-results/deb

rm -rf "$results"
mkdir -p "$results"
verdict=$results/failed
echo "the deb lab did not finish (see the output of make test-deb)" > "$verdict"
fail() { echo "test-deb: FAILED: $*" >&2; echo "$*" > "$verdict"; exit 1; }

scripts/install-packages.sh user-mode-linux debootstrap
[ "$(id -u)" -eq 0 ] || fail "needs root (debootstrap, and a root copy that keeps root ownership)"

# Always rebuilt: make deb is quick next to the boot, and a stale .deb would test old sources.
deb_started=$SECONDS
make --no-print-directory deb >/dev/null || fail "make deb failed"
debs=(artifacts/deb/sip-isup-gateway_*_amd64.deb)
[ -f "${debs[0]}" ] || fail "make deb left no artifacts/deb/sip-isup-gateway_*_amd64.deb"
deb=${debs[0]}
echo "test-deb: built $deb in $((SECONDS - deb_started)) s"

root_started=$SECONDS
root=$(scripts/deb-lab/make-rootfs.sh) || fail "could not build the Debian root (make-rootfs.sh)"
echo "test-deb: root ready in $((SECONDS - root_started)) s: $root"

share=$(mktemp -d "${TMPDIR:-/tmp}/deb-lab-share.XXXXXX")
trap 'rm -rf "$share"' EXIT
cp "$deb" scripts/deb-lab/test-in-guest.sh "$share/"
uml_started=$SECONDS
guest_status=0
scripts/deb-lab/run-in-uml.sh -r "$root" -s "$share" -t "${DEB_LAB_TIMEOUT:-600}" -m "${DEB_LAB_MEM:-1G}" -- \
  ./test-in-guest.sh "$(basename "$deb")" || guest_status=$?
uml_seconds=$((SECONDS - uml_started))
cp -r "$share/result/." "$results/" 2>/dev/null || true

# The checklist's own lines, one result each in the trx.
list=$results/checklist.txt
passed=$(grep -c '^ok - ' "$list" 2>/dev/null || true)
failed=$(grep -c '^not ok - ' "$list" 2>/dev/null || true)
passed=${passed:-0} failed=${failed:-0}
xml() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'; }
uuid() { cat /proc/sys/kernel/random/uuid; }
{
  now=$(date -u +%FT%T.0000000+00:00)
  outcome=Completed; [ "$failed" -eq 0 ] || outcome=Failed
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo "<TestRun id=\"$(uuid)\" name=\"deb-lab $(basename "$deb")\" xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\">"
  echo "  <Times creation=\"$now\" start=\"$now\" finish=\"$now\" />"
  echo '  <Results>'
  grep -E '^(not )?ok - ' "$list" 2>/dev/null | while IFS= read -r line; do
    case $line in ok*) o=Passed ;; *) o=Failed ;; esac
    name=$(printf '%s' "${line#*ok - }" | xml)
    echo "    <UnitTestResult executionId=\"$(uuid)\" testId=\"$(uuid)\" testName=\"deb: $name\" computerName=\"deb-lab\" outcome=\"$o\" testType=\"13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b\" testListId=\"8c84fa94-04c1-424b-9868-57a2d4851a1d\" />"
  done
  echo '  </Results>'
  echo "  <ResultSummary outcome=\"$outcome\">"
  echo "    <Counters total=\"$((passed + failed))\" executed=\"$((passed + failed))\" passed=\"$passed\" failed=\"$failed\" error=\"0\" timeout=\"0\" aborted=\"0\" inconclusive=\"0\" passedButRunAborted=\"0\" notRunnable=\"0\" notExecuted=\"0\" disconnected=\"0\" warning=\"0\" completed=\"0\" inProgress=\"0\" pending=\"0\" />"
  echo '  </ResultSummary>'
  echo '</TestRun>'
} > "$results/deb.trx"

echo "test-deb: inside UML: $passed passed, $failed failed (UML run $uml_seconds s, $((SECONDS - started)) s in all)"
case $guest_status in
  0) ;;
  125) fail "UML gave no result (timed out after ${DEB_LAB_TIMEOUT:-600} s, crashed, or did not boot)" ;;
  *) [ "$failed" -gt 0 ] && fail "$failed check(s) failed inside the guest (journal: $results/journal.txt)"
     fail "the guest's checklist exited $guest_status without a failing check" ;;
esac
# A checklist that died before its first check exits 0 having proven nothing.
[ "$passed" -gt 0 ] || fail "no check ran inside the guest"
rm -f "$verdict"
