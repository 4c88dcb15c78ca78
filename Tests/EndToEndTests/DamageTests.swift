import Foundation
import GRDB
import Testing

/// Issue 10, classes 1 and 3 through the binary: planted schema objects and values of the wrong storage class.
@Suite("Reliability: hidden schema objects and damaged rows")
struct DamageTests {
    @Test("a write-swallowing trigger planted as sqlite_… makes update fail, and verify (with a checkpoint too) exits 68")
    func hiddenTrigger() throws {
        let (cli, id) = try TamperTests.filled()
        defer { cli.remove() }
        let checkpoint = try cli.ok(["checkpoint"])
        let queue = try DatabaseQueue(path: cli.registerPath)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(
                sql: """
                    INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES ('trigger', 'sqlite_swallow', 'events', 0,
                        'CREATE TRIGGER sqlite_swallow BEFORE INSERT ON events BEGIN SELECT RAISE(IGNORE); END')
                    """)
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
        try queue.close()
        let update = try cli.run(["update", id, "--note", "is this stored?"])
        #expect(update.status == 68, "\(update.stdout) \(update.stderr)")
        #expect(update.stdout.isEmpty)
        #expect(
            update.stderr.split(separator: "\n").count == 1 && update.stderr.contains("trigger sqlite_swallow was added"),
            "\(update.stderr)")
        for arguments in [["verify"], ["verify", "--checkpoint", checkpoint]] {
            let verify = try cli.run(arguments)
            #expect(verify.status == 68)
            #expect(verify.stdout.contains("INVALID: register schema: trigger sqlite_swallow was added"), "\(verify.stdout)")
        }
    }

    static let damage: [(table: String, column: String, value: String)] = [
        ("notes", "text", "X'8f'"), ("incidents", "title", "X'8f'"), ("incidents", "records", "'many'"),
        ("actions", "event_number", "'x'"), ("events", "payload", "X'8f'"), ("events", "actor", "X'00'"),
    ]

    @Test(
        "a value of the wrong storage class: every command exits 68 with one line naming table and column, never a signal",
        arguments: damage)
    func wrongStorageClass(table: String, column: String, value: String) throws {
        let (cli, id) = try TamperTests.filled()
        defer { cli.remove() }
        try cli.ok(["update", id, "--action", "Keys rotated"])
        try TamperTests.sql(
            cli,
            """
            DROP TRIGGER IF EXISTS \(table)_refuse_update;
            UPDATE \(table) SET \(column) = \(value)\(table == "events" ? " WHERE seq = 3" : "")
            """)
        for arguments in [
            ["show", id], ["timeline", id], ["list"], ["verify"], ["update", id, "--note", "more"], ["register", "--format", "json"],
        ] {
            let result = try cli.run(arguments)
            let lines = result.stderr.split(separator: "\n")
            // Each command either does not read the damaged value (exit 0) or reports it as damage.
            #expect(result.status == 68 || result.status == 0, "\(arguments): status \(result.status) \(result.stderr)")
            if result.status == 68 {
                #expect(lines.count == 1 && lines[0].hasPrefix("error: "), "\(arguments): \(result.stderr)")
                if arguments[0] == "verify" {
                    #expect(result.stdout.contains("INVALID:"))
                } else {
                    #expect(
                        result.stderr.contains("column \(column)") || result.stderr.contains("schema"), "\(arguments): \(result.stderr)")
                }
            }
        }
        #expect(try cli.run(["verify"]).status == 68)
    }
}
