# Set-up on a fresh machine is two commands: `make demo` and `make test` (see README.md).
.PHONY: all build demo test bench clean

all: build

build:
	dotnet build Gateway.sln -c Release -nologo

demo:
	scripts/demo.sh

test:
	scripts/test.sh

bench:
	dotnet run -c Release --project bench/Gateway.Benchmarks -- --filter '*'

clean:
	rm -rf artifacts src/*/bin src/*/obj tests/*/bin tests/*/obj bench/*/bin bench/*/obj BenchmarkDotNet.Artifacts
