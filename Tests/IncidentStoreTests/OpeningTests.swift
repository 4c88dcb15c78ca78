import Foundation
import GRDB
import IncidentCore
import Testing

@testable import IncidentStore

/// Issue 10, classes 4, 5 and 6, and the deleted migrations row: what opening a file may and may not do.
@Suite("Opening: identify first, create atomically, refuse what this version does not know")
struct OpeningTests {
    static func note(_ text: String) -> Updated {
        var update = Updated()
        update.note = text
        return update
    }

    /// Files other applications keep in SQLite; none of them may be touched.
    static let foreign: [String] = [
        "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)",
        "CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT)",
        "CREATE VIEW answer AS SELECT 42",
        "PRAGMA user_version = 7",
        "PRAGMA application_id = 1234",
        "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY); INSERT INTO grdb_migrations VALUES ('v1-app')",
    ]

    @Test("another application's SQLite file is refused and left byte for byte as it was (no WAL, no tables)", arguments: foreign)
    func foreignFile(setup: String) throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.folder + "/nested", withIntermediateDirectories: true)
        let other = try DatabaseQueue(path: fixture.path)
        try other.writeWithoutTransaction { try $0.execute(sql: setup) }
        try other.close()
        let before = try fixture.bytes()
        for create in [true, false] {
            let error = #expect(throws: StoreError.self) { _ = try Register(path: fixture.path, create: create) }
            if case .unreadable(_, let reason)? = error {
                #expect(reason.contains("not an incident register"), "\(reason)")
            } else {
                Issue.record("\(String(describing: error))")
            }
        }
        #expect(try fixture.bytes() == before)
        #expect(!FileManager.default.fileExists(atPath: fixture.path + "-wal"))
        let mode = try DatabaseQueue(path: fixture.path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "delete")
    }

    @Test("a register a newer version migrated is refused for writing, naming the migration; reads and verify still work")
    func newerMigration() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let id = try fixture.incident(in: try fixture.open(), steps: 0)
        try DatabaseQueue(path: fixture.path).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('2099-01-01-future')") }
        let register = try fixture.open()
        let before = try fixture.bytes()
        let error = #expect(throws: StoreError.self) {
            _ = try register.record(id) { try Workflow.update($0, with: Self.note("n"), context: fixture.context()) }
        }
        if case .unreadable(_, let reason)? = error {
            #expect(reason.contains("newer version") && reason.contains("2099-01-01-future"), "\(reason)")
        } else {
            Issue.record("\(String(describing: error))")
        }
        #expect(try register.incident(id).id == id)
        #expect(try register.verify().problems.contains { $0.reason.contains("2099-01-01-future") })
        #expect(try fixture.bytes() == before)
    }

    @Test(
        "an unknown table or column is refused for writing, naming it",
        arguments: [
            ("CREATE TABLE future_things (x)", "table future_things was added"),
            ("ALTER TABLE notes ADD COLUMN extra TEXT", "table notes was altered"),
            ("CREATE INDEX future_index ON notes (at)", "index future_index was added"),
        ])
    func unknownSchema(sql: String, expected: String) throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let id = try fixture.incident(in: try fixture.open(), steps: 0)
        try DatabaseQueue(path: fixture.path).writeWithoutTransaction { try $0.execute(sql: sql) }
        let register = try fixture.open()
        let error = #expect(throws: StoreError.self) {
            _ = try register.record(id) { try Workflow.update($0, with: Self.note("n"), context: fixture.context()) }
        }
        #expect("\(String(describing: error))".contains(expected))
    }

    @Test(
        "a deleted migrations row is damage (exit 68) naming grdb_migrations and the migration, not an internal error",
        arguments: Schema.migrator.migrations)
    func deletedMigrationRow(name: String) throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.incident(in: try fixture.open(), steps: 0)
        try DatabaseQueue(path: fixture.path).write {
            try $0.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [name])
        }
        let error = #expect(throws: StoreError.self) { _ = try fixture.open() }
        if case .damaged(let reason)? = error {
            #expect(reason.contains("grdb_migrations") && reason.contains(name), "\(reason)")
        } else {
            Issue.record("\(String(describing: error))")
        }
    }

    @Test(
        "a creation cut short (an empty file, a header-only file, a migrations table alone) is finished by the next writer and missing to readers",
        arguments: ["", "PRAGMA journal_mode = WAL", "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)"])
    func unfinishedCreation(setup: String) throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.folder + "/nested", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: fixture.path, contents: nil)
        if !setup.isEmpty { try DatabaseQueue(path: fixture.path).writeWithoutTransaction { try $0.execute(sql: setup) } }
        #expect(throws: StoreError.missing(path: fixture.path)) { _ = try Register(path: fixture.path, create: false) }
        let register = try fixture.open()
        try fixture.incident(in: register, steps: 1)
        #expect(try register.verify().isClean)
    }

    @Test("32 registers opened at once on one new path: all succeed, one schema, no refusal")
    func concurrentCreators() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let failures = LockedList()
        DispatchQueue.concurrentPerform(iterations: 32) { n in
            do {
                let register = try Register(path: fixture.path, create: true)
                _ = try register.log(
                    Logged(
                        title: "t\(n)", nature: "n", severity: .low, awareAt: StoreFixture.now, source: "internal",
                        dataCategories: [], subjectCategories: []), context: fixture.context())
            } catch {
                failures.append("\(n): \(error)")
            }
        }
        #expect(failures.items.isEmpty, "\(failures.items)")
        let report = try fixture.open().verify()
        #expect(report.isClean && report.incidentsReplayed == 32, "\(report.problems)")
    }
}

final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []
    func append(_ value: String) { lock.withLock { values.append(value) } }
    var items: [String] { lock.withLock { values } }
}
