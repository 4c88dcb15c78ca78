import Foundation

struct BenchOptions {
    var sizes = [1000, 10000]
    var customers = [1000, 10000]
    /// Sizes of the customer-import scaling table; empty skips it.
    var importCustomers: [Int] = []
    var runs = 15
    var workdir = ".build-bench"
    var binary = ".build/release/incident"
    var hello: String?
    var report: String?
    /// The do-it-yourself baseline for the notice batch, run with `python`.
    var pythonScript = "scripts/bench-notices.py"
    var python = "/usr/bin/python3"
    /// A PostgreSQL server (`postgres://…/postgres`) for the PostgreSQL table; nil skips it.
    var postgres: String?

    static func parse(_ arguments: ArraySlice<String>) -> BenchOptions {
        var options = BenchOptions()
        var rest = Array(arguments)
        while !rest.isEmpty {
            let flag = rest.removeFirst()
            let value = rest.isEmpty ? "" : rest.removeFirst()
            switch flag {
            case "--sizes": options.sizes = value.split(separator: ",").compactMap { Int($0) }  // empty: batch only
            case "--customers": options.customers = value.split(separator: ",").compactMap { Int($0) }
            case "--import-customers": options.importCustomers = value.split(separator: ",").compactMap { Int($0) }
            case "--runs": options.runs = max(3, Int(value) ?? 15)
            case "--workdir": options.workdir = value
            case "--binary": options.binary = value
            case "--hello": options.hello = value
            case "--report": options.report = value
            case "--python-script": options.pythonScript = value
            case "--python": options.python = value
            case "--postgres": options.postgres = value
            default:
                FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
                exit(64)
            }
        }
        return options
    }
}

/// One row of a results table: our time, the floor's time, and what they mean together.
struct Row {
    var command: String
    var size: String
    var seconds: Double
    var rssKiB: Int
    var floor: Double?
}

struct Bench {
    let options: BenchOptions
    let sqlite = "/usr/bin/sqlite3"

    func log(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    func environment(_ db: String) -> [String: String] {
        ["INCIDENT_DB": db, "INCIDENT_ACTOR": "bench", "HOME": options.workdir, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
    }

    func run() throws {
        try FileManager.default.createDirectory(atPath: options.workdir, withIntermediateDirectories: true)
        let binary = URL(fileURLWithPath: options.binary).standardizedFileURL.path
        var report = "## Results\n\n" + machine() + "\n"
        var scaling: [String: [Int: Double]] = [:]
        let versionRun = try Runner.median([binary, "--version"], environment: environment("/dev/null"), runs: options.runs)
        let sqliteRun = try Runner.median([sqlite, "-version"], environment: environment("/dev/null"), runs: options.runs)
        let (version, sqliteVersion) = (versionRun.median, sqliteRun.median)
        report +=
            "Process baselines (median of \(options.runs)): `incident --version` \(ms(version)), `sqlite3 -version` \(ms(sqliteVersion)).\n\n"
        if let hello = options.hello {
            let helloRun = try Runner.median([hello], environment: environment("/dev/null"), runs: options.runs)
            let h = helloRun.median
            report +=
                "Start-up: a minimal Foundation \"hello\" built the same way (`swiftc -O -static-stdlib`) takes \(ms(h)); `incident --version` is \(ratio(version / h)) of it. "
                + "In CPU time (user + system): hello \(ms(helloRun.cpu)), `incident --version` \(ms(versionRun.cpu)), \(ratio(versionRun.cpu / max(helloRun.cpu, 0.0001))).\n\n"
        }
        report += "### Commands by register size\n\n"
        report +=
            "Ratio to floor = (incident − `incident --version`) / (sqlite3 − `sqlite3 -version`), the same query in the sqlite3 shell; "
            + "CPU ratio the same in user + system CPU time (for `verify`, on both cores).\n\n"
        report +=
            "| command | incidents | events | median | peak RSS | sqlite3 floor | ratio to floor | CPU ratio |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for size in options.sizes {
            let path = "\(options.workdir)/register-\(size).sqlite"
            if !FileManager.default.fileExists(atPath: path) {
                log("generating \(size) incidents into \(path)")
                let started = Date()
                try Generator.register(at: path, count: size, log: log)
                log("  done in \(Int(Date().timeIntervalSince(started))) s")
            }
            let events = try count(path, "SELECT count(*) FROM events")
            let everyTable = try tables(path).map { "SELECT * FROM \($0);" }.joined(separator: " ")
            let target = "INC-2025-\(String(format: "%04d", (size / 2 / 100) * 100 + 1))"
            for (name, args, floorSQL) in commands(target, everyTable: everyTable) {
                log("timing \(name) at \(size)")
                let ours = try Runner.median([binary] + args, environment: environment(path), runs: options.runs)
                var floorTime: Double?
                var cpuText = "–"
                if let floorSQL {
                    let floor = try Runner.median(
                        [sqlite, "-readonly", path, floorSQL], environment: environment(path), runs: options.runs)
                    floorTime = floor.median
                    cpuText = ratio((ours.cpu - versionRun.cpu) / max(floor.cpu - sqliteRun.cpu, 0.0001))
                }
                scaling[name, default: [:]][size] = ours.median
                var floorText = "–"
                var ratioText = "–"
                if let floorTime {
                    floorText = ms(floorTime)
                    ratioText = ratio((ours.median - version) / max(floorTime - sqliteVersion, 0.0001))
                }
                let cells = ["`\(name)`", String(size), String(events), ms(ours.median), mb(ours.maxRSSKiB), floorText, ratioText, cpuText]
                report += "| " + cells.joined(separator: " | ") + " |\n"
            }
        }
        report += "\n"
        report += flatness(scaling)
        report += try batch(binary)
        report += try customerScaling(binary)
        if let url = options.postgres {
            // A failure here must not lose the tables above.
            do { report += try postgres(binary, url: url) } catch { report += "PostgreSQL table not measured: \(error)\n\n" }
        }
        let load =
            (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: ", ") ?? "?"
        report += "Load average when the run ended: \(load).\n"
        print(report)
        if let file = options.report { try report.write(toFile: file, atomically: true, encoding: .utf8) }
    }

    /// The commands timed at each size, with the floor's equivalent SQL for read commands.
    /// `everyTable` is the floor for `verify`: every row of every table.
    func commands(_ id: String, everyTable: String) -> [(String, [String], String?)] {
        let listColumns = "SELECT id, title, severity, phase, aware_at, updated_at, source, records, subjects FROM incidents"
        let order = "ORDER BY aware_at DESC, year DESC, number DESC"
        return [
            (
                "show", ["show", id],
                "SELECT * FROM incidents WHERE id = '\(id)'; SELECT * FROM actions WHERE incident_id = '\(id)' ORDER BY event_number; SELECT * FROM notes WHERE incident_id = '\(id)' ORDER BY event_number; SELECT * FROM shares WHERE incident_id = '\(id)' ORDER BY position;"
            ),
            ("timeline", ["timeline", id], "SELECT * FROM events WHERE incident_id = '\(id)' ORDER BY incident_seq;"),
            ("list --phase contain", ["list", "--phase", "contain"], "\(listColumns) WHERE phase = 'contain' \(order);"),
            ("list --limit 100", ["list", "--limit", "100"], "\(listColumns) \(order) LIMIT 100;"),
            (
                "list --phase contain --limit 100", ["list", "--phase", "contain", "--limit", "100"],
                "\(listColumns) WHERE phase = 'contain' \(order) LIMIT 100;"
            ),
            (
                "list --open --limit 100", ["list", "--open", "--limit", "100"],
                "\(listColumns) WHERE phase <> 'closed' \(order) LIMIT 100;"
            ),
            ("list --severity critical", ["list", "--severity", "critical"], "\(listColumns) WHERE severity = 'critical' \(order);"),
            ("list --open", ["list", "--open"], "\(listColumns) WHERE phase <> 'closed' \(order);"),
            ("list --closed", ["list", "--closed"], "\(listColumns) WHERE phase = 'closed' \(order);"),
            (
                "list --overdue", ["list", "--overdue"],
                // The candidates `list --overdue` reads (ListFilter.mayOweNoticeSQL) before the core rule decides.
                "\(listColumns) WHERE (id IN (SELECT incident_id FROM shares WHERE first_sent IS NULL AND ruled_out IS NULL AND due_by < '2100-01-01T00:00:00Z') "
                    + "OR id IN (SELECT incident_id FROM shares WHERE first_sent IS NOT NULL AND ruled_out IS NOT NULL) "
                    + "OR (phase <> 'closed' AND id IN (SELECT incident_id FROM shares WHERE first_sent IS NOT NULL))) \(order);"
            ),
            (
                "notice list", ["notice", "list", id],
                "SELECT * FROM shares WHERE incident_id = '\(id)' ORDER BY position; SELECT customer, version, kind, drafted_at, sent_at, sent_via FROM notices WHERE incident_id = '\(id)' ORDER BY customer, version;"
            ),
            ("update", ["update", id, "--note", "benchmark note"], nil),
            ("verify", ["verify"], everyTable),
        ]
    }

    func flatness(_ scaling: [String: [Int: Double]]) -> String {
        guard let smallest = options.sizes.min(), let largest = options.sizes.max(), smallest != largest else { return "" }
        var text =
            "### Growth from \(smallest) to \(largest) incidents (target for flat commands: at most 1.25×)\n\n| command | at \(smallest) | at \(largest) | growth |\n|---|---:|---:|---:|\n"
        for name in scaling.keys.sorted() {
            guard let a = scaling[name]?[smallest], let b = scaling[name]?[largest] else { continue }
            text += "| `\(name)` | \(ms(a)) | \(ms(b)) | \(ratio(b / a)) |\n"
        }
        return text + "\n"
    }

    /// Drafting and exporting notices for one incident with many customers.
    func batch(_ binary: String) throws -> String {
        var text = """
            ### Notice batch for one incident

            Against `\(options.pythonScript)`: Python's sqlite3, jinja2 and `email.message.EmailMessage` writing one .eml \
            per customer (no hash chain, no stored drafts). Ratio = (draft + export) / script; CPU ratio the same in user + system CPU time.

            | customers | `notice draft --all` | peak RSS | `notice export --all --format eml` | peak RSS | Python script | peak RSS | ratio | CPU ratio |
            |---:|---:|---:|---:|---:|---:|---:|---:|---:|

            """
        var draftTimes: [Int: Double] = [:]
        var exportTimes: [Int: Double] = [:]
        for customers in options.customers {
            let pristine = "\(options.workdir)/batch-\(customers).sqlite"
            let work = "\(options.workdir)/batch-\(customers)-work.sqlite"
            let drafted = "\(options.workdir)/batch-\(customers)-drafted.sqlite"
            if !FileManager.default.fileExists(atPath: pristine) {
                log("generating an incident with \(customers) customers")
                _ = try Generator.batch(at: pristine, customers: customers)
            }
            let id = "INC-2025-0001"
            let restore = {
                for path in [work, work + "-wal", work + "-shm"] { try? FileManager.default.removeItem(atPath: path) }
                try FileManager.default.copyItem(atPath: pristine, toPath: work)
            }
            let runs = max(3, min(options.runs, customers >= 10000 ? 5 : options.runs))
            log("timing notice draft for \(customers) customers (\(runs) runs)")
            let draft = try Runner.median(
                [binary, "notice", "draft", id, "--all"], environment: environment(work), runs: runs, prepare: restore)
            if !FileManager.default.fileExists(atPath: drafted) {
                try restore()
                _ = try Runner.run([binary, "notice", "draft", id, "--all"], environment: environment(work))
                try FileManager.default.copyItem(atPath: work, toPath: drafted)
            }
            let out = "\(options.workdir)/out-\(customers)"
            log("timing notice export for \(customers) customers (\(runs) runs)")
            let export = try Runner.median(
                [binary, "notice", "export", id, "--all", "--format", "eml", "--out", out, "--force"],
                environment: environment(drafted), runs: runs,
                prepare: { try? FileManager.default.removeItem(atPath: out) })
            let script = URL(fileURLWithPath: options.pythonScript).standardizedFileURL.path
            let scriptOut = "\(options.workdir)/python-out-\(customers)"
            log("timing the Python script for \(customers) customers (\(runs) runs)")
            let python = try Runner.median(
                [options.python, script, pristine, id, scriptOut], environment: environment(pristine), runs: runs,
                prepare: { try? FileManager.default.removeItem(atPath: scriptOut) })
            draftTimes[customers] = draft.median
            exportTimes[customers] = export.median
            let cells = [
                String(customers), ms(draft.median), mb(draft.maxRSSKiB), ms(export.median), mb(export.maxRSSKiB), ms(python.median),
                mb(python.maxRSSKiB), ratio((draft.median + export.median) / python.median),
                ratio((draft.cpu + export.cpu) / max(python.cpu, 0.0001)),
            ]
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        if let small = options.customers.min(), let large = options.customers.max(), small != large,
            let d1 = draftTimes[small], let d2 = draftTimes[large], let e1 = exportTimes[small], let e2 = exportTimes[large]
        {
            text +=
                "\nScaling \(small) → \(large) customers (target at most \(ratio(Double(large) / Double(small) * 1.1))): draft \(ratio(d2 / d1)), export \(ratio(e2 / e1)).\n"
        }
        return text + "\n"
    }

    func count(_ path: String, _ sql: String) throws -> Int {
        let out = "\(options.workdir)/count.txt"
        _ = try Runner.run([sqlite, "-readonly", path, sql], environment: environment(path), stdoutPath: out)
        return Int((try String(contentsOfFile: out, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// The register's tables, for the `verify` floor.
    func tables(_ path: String) throws -> [String] {
        let out = "\(options.workdir)/tables.txt"
        _ = try Runner.run(
            [sqlite, "-readonly", path, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"],
            environment: environment(path),
            stdoutPath: out)
        return try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    func machine() -> String {
        let cpu =
            (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?.trimmingCharacters(in: .whitespaces)
            ?? "unknown CPU"
        let load =
            (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: ", ") ?? "?"
        return
            "Load average when the run started: \(load) (`/proc/loadavg`; the machine is shared).\n"
            + "Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores (\(cpu)), \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB; medians of \(options.runs) runs after a warm-up.\n"
    }

    func ms(_ seconds: Double) -> String { String(format: seconds < 1 ? "%.1f ms" : "%.2f s", seconds < 1 ? seconds * 1000 : seconds) }
    func mb(_ kib: Int) -> String { String(format: "%.1f MB", Double(kib) / 1024) }
    func ratio(_ value: Double) -> String { String(format: "%.2f×", value) }
}
