#!/usr/bin/env bash
# usage: lab-tests.sh PROJECT RESULTS SCTP_FILTER STP_FILTER
#
# Inside the lab, after check-sctp.sh: the test runs of `make test-sctp`, in one UML boot (a boot and dotnet's start
# cost more than the tests). First the transport's SCTP tests, then the M3UA tests against osmo-stp inside
# with-osmo-stp.sh, then two daemons against osmo-stp (the Stp tests of tests/Gateway.Tests). Each writes its own trx
# file into RESULTS (sctp.trx, stp.trx, daemon-stp.trx) and osmo-stp's logs go there too,
# so that both outlive the guest. The second runs even when the first failed, so that every result is counted.
#
# Exit status: 0 when both runs succeeded, else 1. A run that left no trx file (osmo-stp never listened, dotnet
# could not start) is for test-sctp.sh to find and name.
set -uo pipefail
[ $# -eq 4 ] || { sed -n '2s/^# //p' "$0" >&2; exit 2; }
project=$1 results=$2 sctp_filter=$3 stp_filter=$4
mkdir -p "$results" && results=$(cd "$results" && pwd) || exit 1
here=$(cd "$(dirname "$0")" && pwd)
daemon_project=${SCTP_LAB_DAEMON_PROJECT:-tests/Gateway.Tests}

# TRX_NAME FILTER [PROJECT]: sets run to the dotnet test command of one run.
test_command() {
  run=(dotnet test "${3:-$project}" -c Release --no-build -nologo --filter "$2"
    --logger "trx;LogFileName=$1" --logger "console;verbosity=normal" --results-directory "$results")
}

status=0
echo "lab-tests: the SCTP transport tests ($sctp_filter)"
test_command sctp.trx "$sctp_filter"
"${run[@]}" || status=1

echo "lab-tests: the M3UA tests against osmo-stp ($stp_filter)"
test_command stp.trx "$stp_filter"
"$here/with-osmo-stp.sh" -l "$results/osmo-stp.log" -- "${run[@]}" || status=1

# The same against the daemon itself: two processes configured for SCTP, so its own wiring is what is proven.
echo "lab-tests: the daemon against osmo-stp ($stp_filter in $daemon_project)"
test_command daemon-stp.trx "$stp_filter" "$daemon_project"
"$here/with-osmo-stp.sh" -l "$results/osmo-stp-daemon.log" -- "${run[@]}" || status=1
exit "$status"
