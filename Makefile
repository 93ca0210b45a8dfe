# Set-up on a fresh machine is two commands: `make demo` and `make test` (see README.md).
.PHONY: all build demo test test-sctp test-deb bench bench-e2e bench-floor bench-overload bench-hold deb clean fuzz soak

all: build

build:
	dotnet build Gateway.sln -c Release -nologo

demo:
	scripts/demo.sh

test:
	scripts/test.sh

# The SCTP tests against a real kernel SCTP, inside user-mode-linux (docs/testing-sctp.md).
test-sctp:
	scripts/sctp-lab/test-sctp.sh

# The Debian package, artifacts/deb/sip-isup-gateway_<version>_amd64.deb (packaging/deb/README.md).
deb:
	scripts/build-deb.sh

# The .deb installed, run, upgraded and purged under real systemd (PID 1) inside user-mode-linux (docs/testing-deb.md).
test-deb:
	scripts/deb-lab/test-deb.sh

# Memory and idle CPU of established calls (issue 8 §2): HOLD_CALLS (4000) calls at HOLD_RATE (150) a second in all, held
# HOLD_SECONDS (90), through the pair. One DPC has 4,095 CICs: HOLD_DPCS=N (1) spreads the calls over N circuit groups
# toward N gateways B, and HOLD_AS=M (1) runs M gateways A each linked to every B: the issue's 30,000 with
# HOLD_CALLS=30000 HOLD_AS=3 HOLD_DPCS=3 HOLD_RATE=300 HOLD_SECONDS=200 (10,000 calls in each of the six gateways;
# docs/performance.md; scripts/bench-hold.sh). Result: artifacts/bench-hold/result.md.
bench-hold:
	scripts/bench-hold.sh

# The fuzz tests' long run: 10 minutes per protocol (FUZZ_SECONDS to change, FUZZ_SEED to replay; docs/reliability.md).
fuzz:
	scripts/fuzz.sh

# The long soak: 1,000,000 mixed calls at 200/s through the back-to-back pair, nothing left and the heap flat (SOAK_CALLS,
# SOAK_RATE to change; docs/reliability.md). Report: artifacts/soak/report.txt.
soak:
	scripts/soak.sh

bench:
	dotnet run -c Release --project bench/Gateway.Benchmarks -- --filter '*'

# End-to-end load: SIPp -> gateway A -> M3UA/TCP -> gateway B -> SIPp, call rate stepped up (docs/performance.md);
# BENCH_STEPS, BENCH_STEP_SECONDS ... in scripts/bench-e2e/bench-e2e.sh. Result: artifacts/bench-e2e/result.md.
bench-e2e:
	scripts/bench-e2e/bench-e2e.sh

# The floor under bench-e2e's CPU per call: the same SIPps with two relays in C that only pass datagrams on
# (FLOOR_STEPS, FLOOR_STEP_SECONDS; scripts/bench-e2e/floor.sh). Result: artifacts/bench-floor/result.md.
bench-floor:
	scripts/bench-e2e/floor.sh

# Overload (issue 8 §3): gateway A limited to OVERLOAD_RATE calls/s (400), offered OVERLOAD_FACTOR (3) times that for
# OVERLOAD_SECONDS (60), then half of it for OVERLOAD_RECOVERY_SECONDS (20) (docs/performance.md;
# scripts/bench-overload.sh). Result: artifacts/bench-overload/result.md.
bench-overload:
	scripts/bench-overload.sh

clean:
	rm -rf artifacts src/*/bin src/*/obj tests/*/bin tests/*/obj bench/*/bin bench/*/obj BenchmarkDotNet.Artifacts
