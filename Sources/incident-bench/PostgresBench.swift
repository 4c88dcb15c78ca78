import Foundation

/// The PostgreSQL table: the smallest SQLite register copied into a fresh database with `incident db copy`,
/// then the read commands, `update` and `verify` timed against `psql` running the same queries.
extension Bench {
    var psql: String { "/usr/bin/psql" }

    func postgres(_ binary: String, url: String) throws -> String {
        guard let size = options.sizes.min() else { return "" }
        let path = "\(options.workdir)/register-\(size).sqlite"
        let database = "bench_\(size)"
        guard let slash = url.range(of: "/", options: .backwards, range: url.range(of: "://")!.upperBound..<url.endIndex) else {
            throw BenchError("cannot find the database name in \(url)")
        }
        let query = url[slash.upperBound...].drop { $0 != "?" }
        let target = url[..<slash.upperBound] + database + query
        log("copying \(path) into PostgreSQL database \(database)")
        for sql in ["DROP DATABASE IF EXISTS \(database)", "CREATE DATABASE \(database)"] {
            let m = try Runner.run([psql, "-X", "-q", url, "-c", sql], environment: environment(path))
            guard m.status == 0 else { throw BenchError("psql \(sql) exited \(m.status)") }
        }
        // The copy is one round trip per statement: without waiting for each commit to reach the disk it takes
        // seconds, not the 10 minutes it took with fsync on every commit. The timed commands run with the default.
        let fastCopy = "ALTER DATABASE \(database) SET synchronous_commit = off"
        let durable = "ALTER DATABASE \(database) RESET synchronous_commit"
        for step in [["sql", fastCopy], ["db", "init", "--db", String(target)], ["db", "copy", path, String(target)], ["sql", durable]] {
            if step[0] == "sql" {
                let m = try Runner.run([psql, "-X", "-q", url, "-c", step[1]], environment: environment(path))
                guard m.status == 0 else { throw BenchError("psql \(step[1]) exited \(m.status)") }
                continue
            }
            let m = try Runner.run([binary] + step, environment: environment(path))
            guard m.status == 0 else { throw BenchError("incident \(step[0...1].joined(separator: " ")) exited \(m.status)") }
        }
        let env = environment(String(target))
        // Both baselines connect and ask one trivial question, so the ratio compares the work beyond a connection.
        let baseRun = try Runner.median([binary, "checkpoint"], environment: env, runs: options.runs)
        let psqlRun = try Runner.median(
            [psql, "-X", "-q", "-A", "-t", String(target), "-c", "SELECT 1"], environment: env, runs: options.runs)
        let (base, psqlBase) = (baseRun.median, psqlRun.median)
        var text = """
            ### PostgreSQL (\(size) incidents, copied from the SQLite register with `incident db copy`)

            Baselines (median of \(options.runs)), each a new connection and one small query: `incident checkpoint` \
            \(ms(base)), `psql -c "SELECT 1"` \(ms(psqlBase)). Ratio to floor = (incident − `incident checkpoint`) / \
            (psql − `psql -c "SELECT 1"`): `psql -X -A -t` running the same queries over the same loopback connection; \
            CPU ratio the same in user + system CPU time of the client processes (the server's time is in neither).

            | command | median | peak RSS | psql floor | ratio to floor | CPU ratio |
            |---|---:|---:|---:|---:|---:|

            """
        let id = "INC-2025-\(String(format: "%04d", (size / 2 / 100) * 100 + 1))"
        for (name, args, floorSQL) in postgresCommands(id) {
            log("timing \(name) on PostgreSQL")
            let ours = try Runner.median([binary] + args, environment: env, runs: options.runs)
            var floorText = "–"
            var ratioText = "–"
            var cpuText = "–"
            if let floorSQL {
                let floor = try Runner.median(
                    [psql, "-X", "-q", "-A", "-t", String(target), "-c", floorSQL], environment: env, runs: options.runs)
                floorText = ms(floor.median)
                ratioText = ratio((ours.median - base) / max(floor.median - psqlBase, 0.0001))
                cpuText = ratio((ours.cpu - baseRun.cpu) / max(floor.cpu - psqlRun.cpu, 0.0001))
            }
            text += "| `\(name)` | \(ms(ours.median)) | \(mb(ours.maxRSSKiB)) | \(floorText) | \(ratioText) | \(cpuText) |\n"
        }
        return text + "\n"
    }

    /// The PostgreSQL backend keeps an incident's notes and actions in its `state` column, so `show` is two queries.
    func postgresCommands(_ id: String) -> [(String, [String], String?)] {
        let listColumns = "SELECT id, title, severity, phase, aware_at, updated_at, source, records, subjects FROM incidents"
        let order = "ORDER BY aware_at DESC, year DESC, number DESC"
        return [
            (
                "show", ["show", id],
                "SELECT * FROM incidents WHERE id = '\(id)'; SELECT * FROM shares WHERE incident_id = '\(id)' ORDER BY position;"
            ),
            ("timeline", ["timeline", id], "SELECT * FROM events WHERE incident_id = '\(id)' ORDER BY incident_seq;"),
            ("list --limit 100", ["list", "--limit", "100"], "\(listColumns) \(order) LIMIT 100;"),
            ("list --phase contain", ["list", "--phase", "contain"], "\(listColumns) WHERE phase = 'contain' \(order);"),
            (
                "notice list", ["notice", "list", id],
                "SELECT * FROM shares WHERE incident_id = '\(id)' ORDER BY position; SELECT customer, version, kind, drafted_at, sent_at, sent_via FROM notices WHERE incident_id = '\(id)' ORDER BY customer, version;"
            ),
            ("update", ["update", id, "--note", "benchmark note"], nil),
            (
                "verify", ["verify"],
                ["events", "incidents", "shares", "customers", "organisation", "notices"].map { "SELECT * FROM \($0);" }.joined(
                    separator: " ")
            ),
        ]
    }
}
