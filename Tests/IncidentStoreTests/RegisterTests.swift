import Foundation
import GRDB
import IncidentCore
import Testing

@testable import IncidentStore

@Suite("Register")
struct RegisterTests {
    @Test("created on first use: folders 0700, file 0600, even under umask 000")
    func createsPrivately() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let old = umask(0)
        defer { umask(old) }
        let register = try fixture.open()
        try fixture.incident(in: register, steps: 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: fixture.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: fixture.folder + "/nested")
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        // The WAL and shared-memory files exist while the register is open.
        try withExtendedLifetime(register) {
            for suffix in ["-wal", "-shm"] {
                let side = try FileManager.default.attributesOfItem(atPath: fixture.path + suffix)
                #expect((side[.posixPermissions] as? Int) == 0o600, "\(suffix) is private too")
            }
        }
    }

    @Test("WAL with synchronous FULL")
    func durability() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let register = try fixture.open()
        let (mode, sync) = try register.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal")
        #expect(sync == 2)
    }

    @Test("migrations are named, applied once, and re-opening changes nothing")
    func migrations() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let first = try fixture.open()
        try fixture.incident(in: first, steps: 0)
        let applied = try first.read { try Schema.migrator.appliedMigrations($0) }
        #expect(applied == Schema.migrator.migrations)
        #expect(applied.first == "2026-11-23-register")
        let before = try fixture.bytes()
        _ = try fixture.open()
        #expect(try fixture.bytes() == before)
    }

    @Test("read commands do not create a register")
    func missing() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(throws: StoreError.missing(path: fixture.path)) { _ = try Register(path: fixture.path, create: false) }
        #expect(!FileManager.default.fileExists(atPath: fixture.path))
    }

    @Test("a file that is not a register is refused, not migrated")
    func foreignFiles() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.folder + "/nested", withIntermediateDirectories: true)
        try Data("just some notes\n".utf8).write(to: URL(fileURLWithPath: fixture.path))
        #expect(throws: StoreError.self) { _ = try fixture.open() }
        try FileManager.default.removeItem(atPath: fixture.path)
        let other = try DatabaseQueue(path: fixture.path)
        try other.write { try $0.execute(sql: "CREATE TABLE contacts (name TEXT)") }
        let error = #expect(throws: StoreError.self) { _ = try fixture.open() }
        #expect(error?.description.contains("not an incident register") == true)
    }

    @Test("ids count per awareness year")
    func ids() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let register = try fixture.open()
        let last2025 = Timestamp.utc(year: 2025, month: 12, day: 31, hour: 23)!
        #expect(try fixture.incident(in: register, steps: 0).description == "INC-2026-0001")
        #expect(try fixture.incident(in: register, steps: 0, aware: last2025).description == "INC-2025-0001")
        #expect(try fixture.incident(in: register, steps: 0).description == "INC-2026-0002")
        #expect(try fixture.incident(in: register, steps: 0, aware: last2025).description == "INC-2025-0002")
    }

    @Test("a refused step writes nothing")
    func refusedWritesNothing() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let register = try fixture.open()
        let id = try fixture.incident(in: register, steps: 1)
        let before = try register.timeline(id).count
        #expect(throws: WorkflowRefusal.self) {
            _ = try register.record(id) { try Workflow.advance($0, note: "too soon", context: fixture.context()) }
        }
        #expect(try register.timeline(id).count == before)
        #expect(throws: StoreError.notFound(id: "INC-2026-0099")) {
            _ = try register.record(IncidentID(year: 2026, number: 99)) { _ in throw ReplayError(problem: "unreachable") }
        }
    }

    @Test("the tables refuse UPDATE and DELETE of events")
    func appendOnly() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let register = try fixture.open()
        try fixture.incident(in: register, steps: 1)
        let queue = try DatabaseQueue(path: fixture.path)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE events SET actor = 'mallory'") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM events WHERE seq = 1") } }
    }

    @Test("list filters by phase, severity and open/closed in one query")
    func listing() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let register = try fixture.open()
        try fixture.incident(in: register, steps: 0)
        try fixture.incident(in: register, steps: 2)
        try fixture.incident(in: register, steps: 5)
        #expect(try register.list(ListFilter()).count == 3)
        #expect(try register.list(ListFilter(state: .open)).map(\.phase) == [.mitigate, .investigate])
        #expect(try register.list(ListFilter(state: .closed)).count == 1)
        #expect(try register.list(ListFilter(phase: .mitigate)).count == 1)
        #expect(try register.list(ListFilter(severity: .low)).isEmpty)
        let plan = try register.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN SELECT id FROM incidents WHERE phase = ? ORDER BY aware_at DESC", arguments: ["contain"]
            )
            .map { $0["detail"] as String }.joined(separator: " ")
        }
        #expect(plan.contains("incidents_by_phase"), "list by phase uses its index: \(plan)")
    }
}
