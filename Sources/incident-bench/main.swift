import Foundation
import IncidentStore

// incident-bench: builds synthetic registers through the real store, times the release binary as whole
// processes against the sqlite3 shell on the same files, and prints the tables for docs/performance.md.
// Run it with scripts/bench.sh, which builds everything in release mode first.

ProcessTuning.apply()
let options = BenchOptions.parse(CommandLine.arguments.dropFirst())
let bench = Bench(options: options)
do {
    try bench.run()
} catch {
    FileHandle.standardError.write(Data("incident-bench: \(error)\n".utf8))
    exit(1)
}
