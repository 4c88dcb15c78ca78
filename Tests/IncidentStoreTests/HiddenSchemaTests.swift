import Foundation
import GRDB
import IncidentCore
import Testing

@testable import IncidentStore

/// Issue 10, class 1: a schema object planted behind the tool's back, even under a name SQLite reserves
/// (`sqlite_…`), is reported by `verify`, and a write that it swallows never reports success.
@Suite("Verify: hidden schema objects")
struct HiddenSchemaTests {
    /// Writes a row straight into `sqlite_schema`, as `PRAGMA writable_schema` lets an attacker do.
    static func plant(_ fixture: StoreFixture, type: String, name: String, table: String, sql: String) throws {
        let queue = try DatabaseQueue(path: fixture.path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(
                sql: "INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES (?, ?, ?, 0, ?)",
                arguments: [type, name, table, sql])
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
    }

    static func note(_ text: String) -> Updated {
        var update = Updated()
        update.note = text
        return update
    }

    static let swallowers: [(name: String, table: String)] = [
        ("sqlite_hidden", "events"), ("sqlite_autoindex_x", "notes"), ("grdb_migrations_x", "events"), ("sqlite_stat9", "incidents"),
    ]

    @Test(
        "a trigger that swallows writes, under a reserved name, is reported by verify and makes the write fail",
        arguments: swallowers)
    func swallowingTrigger(name: String, table: String) throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let id = try fixture.incident(in: try fixture.open(), steps: 1)
        try Self.plant(
            fixture, type: "trigger", name: name, table: table,
            sql: "CREATE TRIGGER \(name) BEFORE INSERT ON \(table) BEGIN SELECT RAISE(IGNORE); END")
        let register = try fixture.open()
        let report = try register.verify()
        #expect(report.problems.contains { $0.reason == "schema: trigger \(name) was added" }, "\(report.problems)")
        let before = try register.head()
        #expect(throws: StoreError.self) {
            _ = try register.record(id) { try Workflow.update($0, with: Self.note("swallowed?"), context: fixture.context()) }
        }
        #expect(try register.head() == before)
    }

    @Test(
        "a planted view, or an index renamed into SQLite's own namespace, is reported",
        arguments: [
            ("view", "sqlite_view"), ("index", "sqlite_autoindex_notes_9"), ("index", "grdb_migrations_idx"), ("table", "sqlite_stat1"),
        ])
    func plantedObject(type: String, name: String) throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.incident(in: try fixture.open(), steps: 0)
        let queue = try DatabaseQueue(path: fixture.path)
        try queue.writeWithoutTransaction { db in
            switch type {
            case "view": try db.execute(sql: "CREATE VIEW planted AS SELECT 1")
            case "index": try db.execute(sql: "CREATE INDEX planted ON notes (at)")
            default: try db.execute(sql: "ANALYZE")  // creates sqlite_stat1 itself
            }
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(
                sql: """
                    UPDATE sqlite_schema SET name = ?1, sql = replace(sql, 'planted', ?1),
                        tbl_name = CASE type WHEN 'view' THEN ?1 ELSE tbl_name END WHERE name = 'planted'
                    """, arguments: [name])
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
        let report = try fixture.open().verify()
        #expect(report.problems.contains { $0.reason.hasPrefix("schema: \(type) \(name)") }, "\(report.problems)")
    }

    @Test("a write confirms its event is stored: an ignored insert is refused, exit 68's damaged error")
    func confirmedWrite() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let register = try fixture.open()
        let id = try fixture.incident(in: register, steps: 0)
        // Swallow the insert on a connection that skips the schema check: only the read-back can catch it.
        try register.write { db in
            try db.execute(sql: "CREATE TEMP TRIGGER swallow BEFORE INSERT ON main.events BEGIN SELECT RAISE(IGNORE); END")
        }
        let error = #expect(throws: StoreError.self) {
            _ = try register.record(id) { try Workflow.update($0, with: Self.note("swallowed?"), context: fixture.context()) }
        }
        if case .damaged(let reason)? = error {
            #expect(reason.contains("was not stored"))
        } else {
            Issue.record("\(String(describing: error))")
        }
    }
}
