# Set-up on a fresh machine is two commands: `make demo` and `make test` (see README.md).
.PHONY: all build demo test test-sctp test-deb bench deb clean fuzz

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

# The fuzz tests' long run: 10 minutes per protocol (FUZZ_SECONDS to change, FUZZ_SEED to replay; docs/reliability.md).
fuzz:
	scripts/fuzz.sh

bench:
	dotnet run -c Release --project bench/Gateway.Benchmarks -- --filter '*'

clean:
	rm -rf artifacts src/*/bin src/*/obj tests/*/bin tests/*/obj bench/*/bin bench/*/obj BenchmarkDotNet.Artifacts
