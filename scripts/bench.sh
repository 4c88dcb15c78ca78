#!/usr/bin/env bash
# The benchmark, run by hand (never in CI): builds the release binary and the harness, a minimal
# Foundation "hello" for the start-up comparison, then times everything and writes the tables.
#   bash scripts/bench.sh                      # 1k and 10k incidents (1 million events), 1k and 10k customers
#   SIZES=1000,10000,100000 bash scripts/bench.sh   # add the 10-million-event register (long to generate)
#   SIZES= CUSTOMERS= IMPORT_CUSTOMERS=16000,32000,100000 bash scripts/bench.sh   # only customer import and verify
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell: apt-get install -y sqlite3" >&2; exit 1; }
swift build -c release --product incident
swift build -c release --product incident-bench
mkdir -p .build-bench
printf 'import Foundation\nprint("hello \\(Date().timeIntervalSince1970 > 0)")\n' > .build-bench/hello.swift
swiftc -O .build-bench/hello.swift -o .build-bench/hello
.build/release/incident-bench --sizes "${SIZES-1000,10000}" --customers "${CUSTOMERS-1000,10000}" \
    --import-customers "${IMPORT_CUSTOMERS-10000,100000}" --runs "${RUNS:-15}" \
    --workdir .build-bench --binary .build/release/incident --hello .build-bench/hello --report .build-bench/results.md
echo "results in .build-bench/results.md" >&2
