#!/usr/bin/env bash
# The README's test command (`make test`): installs what the tests need, builds, runs every test project,
# and ends with one line "N passed, N failed, N skipped". Exit status is non-zero on any failure.
# That line also counts the labs' results when `make test-sctp` and `make test-deb` left them in
# artifacts/test-results/sctp and artifacts/test-results/deb (CI runs them first), so one line sums every test run.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests drive for real: SIPp for the SIP end-to-end tests, tshark (Wireshark) as the
# independent decoder of what the ISUP codec encodes.
# gcc and linux-libc-dev let the SCTP struct layout test measure linux/sctp.h itself rather than trust its table.
test_packages=(sip-tester tshark gcc linux-libc-dev)
scripts/install-packages.sh "${test_packages[@]}"

results=artifacts/test-results
# The labs' folders and the make target that fills each.
labs=(sctp:test-sctp deb:test-deb)
# Start afresh, except for the labs' results, which this run adds up but does not produce.
mkdir -p "$results"
find "$results" -mindepth 1 -maxdepth 1 ! -path "$results/sctp" ! -path "$results/deb" -exec rm -rf {} +

dotnet build Gateway.sln -c Release -nologo -v quiet -clp:ErrorsOnly

status=0
# One trx file per test project; the console line per project stays for people reading the log.
# Category=Stp (our ASP against osmo-stp) needs SCTP and osmo-stp, which only the lab has: make test-sctp runs those
# and its results are added below. The Category=Sctp tests do run here: without SCTP they check it is reported clearly.
dotnet test Gateway.sln -c Release --no-build -nologo --filter "Category!=Stp" \
  --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" || status=$?

passed=0 failed=0 skipped=0 files=0
value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0; }
add_up() {
  for trx in "$@"; do
    [ -e "$trx" ] || continue
    files=$((files + 1))
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    passed=$((passed + $(value passed)))
    failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
    # xunit's trx leaves notExecuted at 0 for a skipped test and counts it only in total, not in executed.
    skipped=$((skipped + $(value total) - $(value executed)))
  done
}
add_up "$results"/*.trx

if [ "$files" -eq 0 ]; then
  echo "no test results were written" >&2
  status=1
fi

for lab in "${labs[@]}"; do
  name=${lab%%:*} target=${lab#*:}
  lab_results=$results/$name
  [ -d "$lab_results" ] || continue
  failed_before=$failed files_before=$files
  add_up "$lab_results"/*.trx
  when=$(date -r "$lab_results" '+%F %T')
  if [ "$files" -gt "$files_before" ]; then
    echo "including the $name lab's results of $when ($lab_results, from make $target)"
  fi
  if [ -e "$lab_results/failed" ] && [ "$failed" -eq "$failed_before" ]; then
    # The lab broke without a failing test to show for it (e.g. UML gave no result, or nothing ran).
    echo "the $name lab failed: $(cat "$lab_results/failed")" >&2
    failed=$((failed + 1))
  fi
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The runner failed without a failing test (a crashed test host, a build error): still a failure.
  failed=1
fi
# CI keeps only the end of this log: name each failed test (and its message's first line) right above the count.
for trx in "$results"/*.trx "$results"/sctp/*.trx "$results"/deb/*.trx; do
  [ -e "$trx" ] || continue
  awk '
    /<UnitTestResult / && /outcome="(Failed|Error|Timeout|Aborted)"/ {
      name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name); pending = 1; next }
    pending && /<Message>/ {
      message = $0; sub(/.*<Message>/, "", message); sub(/<\/Message>.*/, "", message)
      print "FAILED " name ": " substr(message, 1, 300); pending = 0; next }
    pending && /<\/UnitTestResult>/ { print "FAILED " name; pending = 0 }
  ' "$trx" | sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g'
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
