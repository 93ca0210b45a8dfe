#!/usr/bin/env bash
# make fuzz: the long run of the fuzz tests (docs/reliability.md, "Bad input at volume"). Each protocol is fuzzed for
# FUZZ_SECONDS (default 600: SIP over UDP and TCP at gateway A, then M3UA and ISUP at gateway B as its peer) while
# SIPp calls go through the back-to-back pair; `make test` runs the same tests for 25 s each.
# FUZZ_SEED replays a run (every run prints its seeds). Ends with the summary lines and the verdict.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-600}"
scripts/install-packages.sh sip-tester

dotnet build tests/Gateway.Tests -c Release -nologo -v quiet -clp:ErrorsOnly

results=artifacts/fuzz
report="$PWD/$results/summary.txt"
mkdir -p "$results"
: > "$report"

status=0
FUZZ_SECONDS="$seconds" FUZZ_REPORT="$report" FUZZ_LOGS="$PWD/$results/logs" dotnet test tests/Gateway.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~Reliability.Fuzz" \
  --logger "trx;LogFileName=fuzz.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" || status=$?

echo
echo "=== fuzzing summary: ${seconds} s per protocol${FUZZ_SEED:+, FUZZ_SEED=$FUZZ_SEED} (full log: $results/fuzz.trx)"
cat "$report"
if [ "$status" -eq 0 ]; then
  echo "=== fuzz: PASSED"
else
  echo "=== fuzz: FAILED (exit $status); rerun one with FUZZ_SEED=<seed above> FUZZ_SECONDS=$seconds make fuzz"
fi
exit "$status"
