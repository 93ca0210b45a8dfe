#!/usr/bin/env bash
# `make test-sctp`: the SCTP tests against a real kernel SCTP, on machines whose kernel has none (ours and CI's).
# Installs the lab's packages when missing, builds (Release) on the host, then inside user-mode-linux proves that
# SCTP carries data (check-sctp.sh) and runs (lab-tests.sh) the transport tests marked [Trait("Category", "Sctp")],
# then, with osmo-stp started (with-osmo-stp.sh), the M3UA tests against it marked [Trait("Category", "Stp")].
#
# Results: the trx files (sctp.trx, stp.trx) and osmo-stp's log go to artifacts/test-results/sctp/, where `make test`
# (scripts/test.sh) adds them to its final "N passed, N failed, N skipped" line. Until this script has succeeded,
# that folder also holds a file named "failed" saying why, so a lab that broke before writing any result still
# counts as a failure there.
# Exit status: 0 only when SCTP was found inside UML and, in each of the two runs, at least one test passed and none
# failed.
#
# Knobs (environment): SCTP_LAB_TIMEOUT (seconds for the whole UML run, default 900), SCTP_LAB_MEM (default 2G),
# SCTP_LAB_FILTER (default Category=Sctp), SCTP_LAB_STP_FILTER (default Category=Stp), SCTP_LAB_PROJECT (default
# tests/Gateway.M3ua.Transport.Tests).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
started=$SECONDS

results=artifacts/test-results/sctp
project=${SCTP_LAB_PROJECT:-tests/Gateway.M3ua.Transport.Tests}
filter=${SCTP_LAB_FILTER:-Category=Sctp}
stp_filter=${SCTP_LAB_STP_FILTER:-Category=Stp}

rm -rf "$results"
mkdir -p "$results"
verdict="$results/failed"
echo "the SCTP lab did not finish (see the output of make test-sctp)" > "$verdict"
fail() {
  echo "test-sctp: FAILED: $*" >&2
  echo "$*" > "$verdict"
  exit 1
}

# The UML kernel and busybox for its init; lksctp-tools for check-sctp.sh; osmo-stp, an independent M3UA signalling
# transfer point, for the M3UA tests (with-osmo-stp.sh).
had_osmo_stp=$(dpkg-query -W -f='${Status}' osmo-stp 2>/dev/null | grep -c "install ok installed" || true)
scripts/install-packages.sh user-mode-linux busybox-static lksctp-tools osmo-stp
# On a machine run by systemd, installing osmo-stp also starts it as a service on the host, whose kernel has no
# SCTP: it would restart there every 2 s for nothing. The lab needs only the program; stop what we started.
if [ "$had_osmo_stp" = 0 ] && command -v systemctl >/dev/null && systemctl is-enabled --quiet osmo-stp 2>/dev/null; then
  echo "test-sctp: disabling the osmo-stp service that its package started on the host (the lab runs its own)"
  systemctl disable --now osmo-stp >/dev/null 2>&1 || true
fi

dotnet build Gateway.sln -c Release -nologo -v quiet -clp:ErrorsOnly

if [ ! -d "$project" ]; then
  # Nothing to test yet: still prove the lab itself, so that the day the project lands it meets a working lab.
  scripts/sctp-lab/run-in-uml.sh -C "$root" -t 300 -m "${SCTP_LAB_MEM:-2G}" -- scripts/sctp-lab/check-sctp.sh ||
    fail "the lab's own SCTP check failed inside UML (status $?: 3 is no working SCTP, 125 no result from UML)"
  echo "test-sctp: $project does not exist yet: only the lab's own SCTP check ran (nothing counted)"
  rm -f "$verdict"
  exit 0
fi

lab_status=0
uml_started=$SECONDS
# M3UA_TEST_REQUIRE_SCTP=1 tells the transport tests that SCTP must be there: without it they would assert the
# "no SCTP in this kernel" error and pass (check-sctp.sh has already made sure it is there; this says it twice).
# The osmo-stp tests need no such flag: they always fail without SCTP or osmo-stp. One boot runs both.
scripts/sctp-lab/run-in-uml.sh -C "$root" -t "${SCTP_LAB_TIMEOUT:-900}" -m "${SCTP_LAB_MEM:-2G}" \
  -e M3UA_TEST_REQUIRE_SCTP=1 -- \
  scripts/sctp-lab/check-sctp.sh -- \
  scripts/sctp-lab/lab-tests.sh "$project" "$results" "$filter" "$stp_filter" || lab_status=$?

passed=0 failed=0 skipped=0
value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0; }
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done
echo "test-sctp: inside UML: $passed passed, $failed failed, $skipped skipped" \
  "(UML run $((SECONDS - uml_started)) s, $((SECONDS - started)) s in all)"

case $lab_status in
  0) ;;
  125) fail "UML gave no result (timed out after ${SCTP_LAB_TIMEOUT:-900} s, or crashed)" ;;
  3) fail "no working SCTP inside UML (check-sctp.sh failed: see its message above)" ;;
  *) [ "$failed" -gt 0 ] && fail "$failed SCTP or osmo-stp test(s) failed inside UML"
     [ -e "$results/stp.trx" ] ||
       fail "the osmo-stp tests left no result (osmo-stp did not start: see with-osmo-stp's message above)"
     fail "the test run inside UML failed with status $lab_status without a failing test" ;;
esac
# A filter that matches nothing makes `dotnet test` succeed having run nothing: that proves nothing. So each run must
# have passed a test of its own.
for run in "sctp.trx:$filter:over SCTP" "stp.trx:$stp_filter:against osmo-stp" "daemon-stp.trx:$stp_filter:by the daemon against osmo-stp"; do
  IFS=: read -r trx run_filter what <<<"$run"
  counters=$(grep -o '<Counters [^>]*>' "$results/$trx" 2>/dev/null | head -n 1 || true)
  [ "$(value passed)" -gt 0 ] || fail "no test matching '$run_filter' passed for $trx: nothing was proven $what"
done
rm -f "$verdict"
