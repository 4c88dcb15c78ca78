#!/usr/bin/env bash
# The benchmark, run by hand (never in CI): builds the release binary and the harness, a minimal
# Foundation "hello" for the start-up comparison, then times everything and writes the tables.
#   bash scripts/bench.sh                      # 1k and 10k incidents (1 million events), 1k and 10k customers
#   SIZES=1000,10000,100000 bash scripts/bench.sh   # add the 10-million-event register (long to generate)
#   SIZES= CUSTOMERS= IMPORT_CUSTOMERS=16000,32000,100000 bash scripts/bench.sh   # only customer import and verify
#   BENCH_POSTGRES=1 BENCH_PG_PORT=55436 bash scripts/bench.sh   # also the PostgreSQL table, against psql
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell: apt-get install -y sqlite3" >&2; exit 1; }
command -v /usr/bin/python3 >/dev/null && /usr/bin/python3 -c 'import jinja2' 2>/dev/null ||
    { echo "needs Python 3 with jinja2 for the notice baseline: apt-get install -y python3-jinja2" >&2; exit 1; }
# The Swift runtime and Foundation linked in, and no symbol table for the dynamic loader, as the README installs it.
swift build -c release --static-swift-stdlib -Xlinker --no-export-dynamic --product incident
swift build -c release --static-swift-stdlib -Xlinker --no-export-dynamic --product incident-bench
mkdir -p .build-bench
printf 'import Foundation\nprint("hello \\(Date().timeIntervalSince1970 > 0)")\n' > .build-bench/hello.swift
# The start-up yardstick, built the same way as incident.
swiftc -O -static-stdlib .build-bench/hello.swift -o .build-bench/hello
# PostgreSQL (BENCH_POSTGRES=1): a throwaway server on BENCH_PG_PORT, as .ci/run starts one, stopped on exit.
postgres=()
if [ "${BENCH_POSTGRES:-0}" = 1 ]; then
    source scripts/bench-postgres.sh
    postgres=(--postgres "$BENCH_PG_URL")
fi
.build/release/incident-bench --sizes "${SIZES-1000,10000}" --customers "${CUSTOMERS-1000,10000}" \
    --import-customers "${IMPORT_CUSTOMERS-10000,100000}" --runs "${RUNS:-15}" \
    --workdir .build-bench --binary .build/release/incident --hello .build-bench/hello --report .build-bench/results.md \
    "${postgres[@]}"
echo "results in .build-bench/results.md" >&2
