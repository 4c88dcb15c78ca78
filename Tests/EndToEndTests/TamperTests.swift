import Foundation
import GRDB
import Testing

@Suite("Reliability: tampering")
struct TamperTests {
    static func filled() throws -> (CLI, String) {
        let cli = try CLI()
        let id = try cli.logIncident()
        for i in 0..<5 { try cli.ok(["update", id, "--note", "note \(i)", "--records", "\(100 + i)"]) }
        return (cli, id)
    }

    /// Edits the file as an attacker with a SQLite shell would: triggers dropped, constraints off.
    static func sql(_ cli: CLI, _ statements: String) throws {
        var config = Configuration()
        config.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: cli.registerPath, configuration: config)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "DROP TRIGGER IF EXISTS events_refuse_update; DROP TRIGGER IF EXISTS events_refuse_delete")
            try db.execute(sql: statements)
        }
    }

    @Test(
        "one changed byte in any stored field of any event is reported",
        arguments: [
            "incident_id", "incident_seq", "type", "payload", "actor", "recorded_at", "occurred_at", "prev_hash", "hash",
        ])
    func oneByte(column: String) throws {
        let (cli, _) = try Self.filled()
        defer { cli.remove() }
        let seq = 3
        // One character changed, in place: a number plus 1000, or the last-but-one character of text swapped.
        let change =
            column == "incident_seq"
            ? "\(column) + 1000"
            : column == "payload"
                ? "replace(payload, 'note ', 'nota ')"
                : """
                substr(\(column), 1, length(\(column)) - 2) || CASE substr(\(column), -2, 1) WHEN '1' THEN '2' ELSE '1' END || substr(\(column), -1)
                """
        try Self.sql(cli, "UPDATE events SET \(column) = \(change) WHERE seq = \(seq)")
        let result = try cli.run(["verify"])
        #expect(result.status == 68, "\(column) of event \(seq)")
        #expect(result.lines.contains { $0.hasPrefix("INVALID: event \(seq)") }, "\(column) of event \(seq): \(result.stdout)")
    }

    @Test("a truncated tail (the file rolled back to an older copy) passes the chain but fails against a checkpoint")
    func truncation() throws {
        let (cli, id) = try Self.filled()
        defer { cli.remove() }
        let older = cli.folder + "/older.sqlite"
        try cli.ok(["backup", older])
        try cli.ok(["update", id, "--note", "the last word"])
        let checkpoint = try cli.ok(["checkpoint"])
        #expect(try cli.run(["verify", "--checkpoint", checkpoint]).status == 0)
        try FileManager.default.removeItem(atPath: cli.registerPath)
        try FileManager.default.copyItem(atPath: older, toPath: cli.registerPath)
        #expect(try cli.run(["verify"]).status == 0, "the shorter chain is self-consistent")
        let result = try cli.run(["verify", "--checkpoint", checkpoint])
        #expect(result.status == 68)
        #expect(result.stdout.contains("events were removed from the end"))
    }

    @Test("a whole chain rewritten with fresh hashes is caught by an older checkpoint")
    func rewrite() throws {
        let (cli, id) = try Self.filled()
        defer { cli.remove() }
        let checkpoint = try cli.ok(["checkpoint"])
        // Build a different history with the real binary in another file, then swap it in.
        var forger = cli
        forger.environment["INCIDENT_DB"] = cli.folder + "/forged.sqlite"
        _ = try forger.ok(["log", "--title", "Nothing to see", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z"])
        for i in 0..<5 { try forger.ok(["update", id, "--note", "forged \(i)"]) }
        try FileManager.default.removeItem(atPath: cli.registerPath)
        try FileManager.default.copyItem(atPath: cli.folder + "/forged.sqlite", toPath: cli.registerPath)
        #expect(try cli.run(["verify"]).status == 0, "the forged file is self-consistent")
        let result = try cli.run(["verify", "--checkpoint", checkpoint])
        #expect(result.status == 68)
        #expect(result.stdout.contains("history up to it was rewritten"))
    }

    @Test("no false alarms: untouched registers of every shape verify clean", arguments: 0..<5)
    func noFalseAlarms(shape: Int) throws {
        let cli = try CLI()
        defer { cli.remove() }
        for i in 0...shape {
            let id = try cli.logIncident(title: "incident \(i)")
            for j in 0..<shape { try cli.ok(["update", id, "--note", "n\(j)", "--action", "a\(j)"]) }
            if shape > 2 { try cli.ok(["advance", id, "--note", "known"]) }
        }
        let checkpoint = try cli.ok(["checkpoint"])
        #expect(try cli.run(["verify", "--checkpoint", checkpoint]).status == 0)
        try cli.ok(["update", "INC-2026-0001", "--note", "later"])
        #expect(try cli.run(["verify", "--checkpoint", checkpoint]).status == 0, "a register that grew still extends its checkpoint")
    }
}

@Suite("Witnesses: checkpoints and backups")
struct WitnessTests {
    @Test(
        "malformed checkpoints are invalid data, never a false tamper alarm",
        arguments: [
            "", "12", "12:abc", "１２:" + String(repeating: "a", count: 64), "12:" + String(repeating: "Ａ", count: 64),
            "12:" + String(repeating: "a", count: 64) + ":", "-1:" + String(repeating: "a", count: 64),
            "0:" + String(repeating: "a", count: 64),
        ])
    func badCheckpoint(text: String) throws {
        let (cli, _) = try TamperTests.filled()
        defer { cli.remove() }
        let result = try cli.run(["verify", "--checkpoint", text])
        #expect(result.status == 65 || result.status == 64, "\(result.stderr)")
    }

    @Test("a backup taken while others write verifies, never replaces a file, and is private")
    func backupWhileWriting() throws {
        let (cli, id) = try TamperTests.filled()
        defer { cli.remove() }
        let failures = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            if worker == 0 {
                for n in 0..<3 {
                    let result = try? cli.run(["backup", cli.folder + "/backup-\(n).sqlite"])
                    if result?.status != 0 { failures.add("backup \(n): \(result?.stderr ?? "")") }
                }
            } else {
                for n in 0..<10 {
                    let result = try? cli.run(["update", id, "--note", "writer \(worker) \(n)"])
                    if result?.status != 0 { failures.add("writer \(worker) update \(n): \(result?.stderr ?? "did not run")") }
                }
            }
        }
        #expect(failures.messages.isEmpty, "\(failures.messages)")
        for n in 0..<3 {
            var copy = cli
            copy.environment["INCIDENT_DB"] = cli.folder + "/backup-\(n).sqlite"
            #expect(try copy.run(["verify"]).status == 0)
        }
        let again = try cli.run(["backup", cli.folder + "/backup-0.sqlite"])
        #expect(again.status == 73)
        #expect(again.stderr.contains("already exists"))
    }

    @Test("a forgotten value is not taken for text: --note --help")
    func forgottenValue() throws {
        let (cli, id) = try TamperTests.filled()
        defer { cli.remove() }
        let before = cli.registerBytes()
        let result = try cli.run(["update", id, "--note", "--help"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("looks like an option"))
        #expect(cli.registerBytes() == before)
    }

    @Test("register --format json: one record per incident in range, with phase history and notes")
    func registerJSON() throws {
        let (cli, _) = try TamperTests.filled()
        defer { cli.remove() }
        try cli.ok(["log", "--title", "Earlier", "--nature", "n", "--aware-at", "2026-01-05T00:00:00Z"])
        let all = try #require(
            try JSONSerialization.jsonObject(with: Data(try cli.ok(["register", "--format", "json"]).utf8)) as? [[String: Any]])
        #expect(all.count == 2)
        let late = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try cli.ok(["register", "--format", "json", "--from", "2026-06-01T00:00:00Z"]).utf8)) as? [[String: Any]])
        #expect(late.map { $0["id"] as? String } == ["INC-2026-0001"])
        #expect((late[0]["phaseHistory"] as? [[String: Any]])?.first?["phase"] as? String == "investigate")
        #expect((late[0]["notes"] as? [[String: Any]])?.count == 5)
        let csv = try cli.ok(["register", "--format", "csv", "--to", "2026-02-01T00:00:00Z"])
        #expect(csv.split(separator: "\r\n").count == 2)
        #expect(csv.contains("\"notes\""))
    }
}
