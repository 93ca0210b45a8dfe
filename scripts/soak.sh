#!/usr/bin/env bash
# make soak: the long soak (docs/reliability.md, "Soak"). SOAK_CALLS calls (default 1,000,000) of the mix at SOAK_RATE
# calls/s through the back-to-back pair; `make test` runs the same test with 20,000 calls at 150/s. SOAK_RATE defaults
# to 200: 1,000,000 calls in about 85 minutes on the 2-core build machine, where the SIPp callers and callee share the
# cores with both gateways. 200/s ran 30,000 calls with 24 failed (all in the warm-up, within the 2 % allowed);
# at 400/s runs failed (the callee SIPp, starved, aborted calls and the circuits ran out).
# The report (rates, leftovers, the memory table, the heap bound's verdict) goes to artifacts/soak/report.txt as it runs.
set -euo pipefail
cd "$(dirname "$0")/.."

calls="${SOAK_CALLS:-1000000}"
rate="${SOAK_RATE:-200}"
scripts/install-packages.sh sip-tester

dotnet build tests/Gateway.Tests -c Release -nologo -v quiet -clp:ErrorsOnly

results=artifacts/soak
report="$PWD/$results/report.txt"
mkdir -p "$results"
: > "$report"

echo "=== soak: $calls calls at $rate calls/s, started $(date -u +%FT%TZ); progress in $results/report.txt"
status=0
SOAK_CALLS="$calls" SOAK_RATE="$rate" SOAK_REPORT="$report" dotnet test tests/Gateway.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~Reliability.Soak" \
  --logger "trx;LogFileName=soak.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" || status=$?

echo
echo "=== soak report: $calls calls at $rate calls/s, ended $(date -u +%FT%TZ) (full log: $results/soak.trx)"
cat "$report"
if [ "$status" -eq 0 ]; then
  echo "=== soak: PASSED"
else
  echo "=== soak: FAILED (exit $status)"
fi
exit "$status"
