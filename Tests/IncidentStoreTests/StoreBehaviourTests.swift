import Foundation
import IncidentCore
import Testing

@testable import IncidentStore

/// The store's contract, written once and run against both backends. A PostgreSQL case without
/// `INCIDENT_TEST_POSTGRES_URL` is skipped and says so.
@Suite("Store behaviour, on every backend")
struct StoreBehaviourTests {
    /// Runs `body` on a fresh register of `backend`, removed afterwards.
    func with(_ backend: Backend, _ body: (BackendFixture, any RegisterStore) throws -> Void) throws {
        let fixture = try BackendFixture(backend)
        defer { fixture.remove() }
        try body(fixture, try fixture.open())
    }

    /// Three incidents (1 + 2×steps events each) and a customer marked affected on the first.
    func fill(_ fixture: BackendFixture, _ register: any RegisterStore) throws {
        let first = try fixture.incident(in: register, steps: 5)
        try fixture.incident(in: register, steps: 2)
        try fixture.incident(in: register, steps: 0)
        _ = try register.recordDirectory { _ in
            [
                DirectoryEvent(
                    payload: .customerAdded(Customer(slug: "acme", name: "Acme GmbH", emails: ["dpo@acme.example"])),
                    actor: "alice", recordedAt: StoreFixture.now)
            ]
        }
        let directory = try register.directory()
        _ = try register.reopenAndAffect(first, directory: directory, fixture: fixture)
    }

    @Test("migrations run once; opening and initialising again change nothing", arguments: Backend.allCases)
    func migrations(backend: Backend) throws {
        try with(backend) { fixture, register in
            try fixture.incident(in: register, steps: 1)
            let head = try register.head()
            let again = try fixture.open()
            #expect(try again.head() == head)
            #expect(try RegisterOpener.open(fixture.location, field: "test", create: false).head() == head)
        }
    }

    @Test("ids count per awareness year", arguments: Backend.allCases)
    func ids(backend: Backend) throws {
        try with(backend) { fixture, register in
            let last2025 = Timestamp.utc(year: 2025, month: 12, day: 31, hour: 23)!
            let ids = [
                try fixture.incident(in: register, steps: 0), try fixture.incident(in: register, steps: 0, aware: last2025),
                try fixture.incident(in: register, steps: 0),
            ]
            #expect(ids.map(\.description) == ["INC-2026-0001", "INC-2025-0001", "INC-2026-0002"])
        }
    }

    @Test("a refused step writes nothing; an unknown id is not found", arguments: Backend.allCases)
    func refusedWritesNothing(backend: Backend) throws {
        try with(backend) { fixture, register in
            let id = try fixture.incident(in: register, steps: 1)
            let before = try register.head()
            #expect(throws: WorkflowRefusal.self) {
                _ = try register.record(id) { try Workflow.advance($0, note: "too soon", context: fixture.context()) }
            }
            #expect(try register.head() == before)
            #expect(throws: StoreError.notFound(id: "INC-2026-0099")) {
                _ = try register.record(IncidentID(year: 2026, number: 99)) { _ in throw ReplayError(problem: "unreachable") }
            }
        }
    }

    @Test("the database refuses UPDATE and DELETE of events", arguments: Backend.allCases)
    func appendOnly(backend: Backend) throws {
        try with(backend) { fixture, register in
            try fixture.incident(in: register, steps: 1)
            #expect(throws: (any Error).self) { try fixture.execute("UPDATE events SET actor = 'mallory'") }
            #expect(throws: (any Error).self) { try fixture.execute("DELETE FROM events WHERE seq = 1") }
            if backend == .postgres {
                #expect(throws: (any Error).self) { try fixture.execute("TRUNCATE events CASCADE") }
            }
            #expect(try register.verify().isClean)
        }
    }

    @Test("reads: list filters, timeline, append only if the head has not moved", arguments: Backend.allCases)
    func reads(backend: Backend) throws {
        try with(backend) { fixture, register in
            try fixture.incident(in: register, steps: 0)
            let middle = try fixture.incident(in: register, steps: 2)
            try fixture.incident(in: register, steps: 5)
            #expect(try register.list(ListFilter()).count == 3)
            #expect(try register.list(ListFilter(state: .open)).map(\.phase) == [.mitigate, .investigate])
            #expect(try register.list(ListFilter(state: .closed)).count == 1)
            #expect(try register.list(ListFilter(phase: .mitigate)).count == 1)
            #expect(try register.list(ListFilter(severity: .low)).isEmpty)
            #expect(try register.list(ListFilter(limit: 2)).count == 2)
            #expect(try register.timeline(middle).map(\.sequence) == [2, 3, 4, 5, 6])
            let snapshot = try register.noticeSnapshot(middle)
            let note = try Workflow.update(
                snapshot.incident,
                with: {
                    var u = Updated()
                    u.note = "late"
                    return u
                }(), context: fixture.context())
            #expect(try register.append([note], to: middle, ifHeadIs: snapshot.head)?.eventCount == 6)
            #expect(try register.append([note], to: middle, ifHeadIs: snapshot.head) == nil, "the head moved: nothing is written")
        }
    }

    @Test("an untouched register verifies clean: projections equal a replay", arguments: Backend.allCases)
    func clean(backend: Backend) throws {
        try with(backend) { fixture, register in
            try fill(fixture, register)
            let report = try register.verify()
            #expect(report.problems == [])
            #expect(report.eventsChecked == 11 + 5 + 1 + 1 + 2)
            #expect(report.eventsValid == report.eventsChecked)
            #expect(report.incidentsReplayed == 3)
            #expect(report.integrityCheck == "ok")
            #expect(report.headSequence == Int64(report.eventsChecked))
        }
    }

    @Test(
        "changing any stored field of an event is caught at that event", arguments: Backend.allCases,
        [
            "UPDATE events SET actor = 'mallory' WHERE seq = 4",
            "UPDATE events SET payload = replace(payload, 'action 1', 'action X') WHERE seq = 4",
            "UPDATE events SET recorded_at = '2026-11-23T11:59:59Z' WHERE seq = 4",
            "UPDATE events SET type = 'closed' WHERE seq = 4",
        ])
    func changedRow(backend: Backend, sql: String) throws {
        try with(backend) { fixture, register in
            try fill(fixture, register)
            try fixture.tamper(sql)
            let report = try register.verify()
            #expect(report.eventProblems.first?.event == 4)
            #expect(report.eventsValid < report.eventsChecked)
        }
    }

    @Test("a removed event, and a rewritten projection, are caught", arguments: Backend.allCases)
    func removedAndRewritten(backend: Backend) throws {
        try with(backend) { fixture, register in
            try fill(fixture, register)
            try fixture.tamper("DELETE FROM events WHERE seq = 6")
            let report = try register.verify()
            #expect(report.eventProblems.first?.event == 7)
            #expect(report.problems.contains { $0.reason.contains("missing") })
        }
        try with(backend) { fixture, register in
            try fill(fixture, register)
            try fixture.tamper("UPDATE incidents SET severity = 'low' WHERE id = 'INC-2026-0002'")
            let report = try register.verify()
            let found = report.problems.filter { !$0.reason.hasPrefix("schema:") }
            #expect(found.count == 1)
            #expect(found.first?.incident == "INC-2026-0002")
            #expect(found.first?.reason.contains("severity") == true)
        }
    }

    @Test("a checkpoint reveals a rewritten history", arguments: Backend.allCases)
    func checkpoint(backend: Backend) throws {
        try with(backend) { fixture, register in
            try fill(fixture, register)
            let kept = try register.head()
            var report = try register.verify()
            try report.check(against: kept, in: register)
            #expect(report.isClean)
            try fixture.tamper("UPDATE events SET hash = '\(String(repeating: "a", count: 64))' WHERE seq = \(kept.events)")
            report = try register.verify()
            try report.check(against: kept, in: register)
            #expect(report.problems.contains { $0.reason.contains("checkpoint") })
        }
    }

    @Test("concurrent writers never fork the chain", arguments: Backend.allCases)
    func concurrentWriters(backend: Backend) throws {
        try with(backend) { fixture, register in
            let id = try fixture.incident(in: register, steps: 0)
            let writers = 4
            let updates = 10
            let failures = Locked(0)
            DispatchQueue.concurrentPerform(iterations: writers) { writer in
                do {
                    let own = try RegisterOpener.open(fixture.location, field: "test", create: false)
                    for update in 0..<updates {
                        _ = try own.record(id) { current in
                            var change = Updated()
                            change.note = "writer \(writer) update \(update)"
                            return try Workflow.update(current, with: change, context: fixture.context("w\(writer)"))
                        }
                    }
                } catch {
                    failures.withLock { $0 += 1 }
                }
            }
            #expect(failures.withLock { $0 } == 0)
            let report = try register.verify()
            #expect(report.isClean, "\(report.problems)")
            #expect(report.headSequence == Int64(1 + writers * updates))
            #expect(try register.incident(id).eventCount == 1 + writers * updates)
        }
    }

    @Test("a copy to the other backend has the same checkpoint, and refuses a destination with events", arguments: Backend.allCases)
    func copyAcross(backend: Backend) throws {
        let other: Backend = backend == .sqlite ? .postgres : .sqlite
        try with(backend) { fixture, register in
            try fill(fixture, register)
            let destination = try BackendFixture(other)
            defer { destination.remove() }
            let target = try destination.open()
            let head = try register.copy(to: target)
            #expect(head == (try register.head()))
            #expect(try target.head() == head)
            #expect(try target.verify().isClean)
            #expect(try target.list(ListFilter()).map(\.id) == (try register.list(ListFilter()).map(\.id)))
            #expect(throws: CopyRefusal.destinationHasEvents(location: target.location, events: head.events)) {
                _ = try register.copy(to: target)
            }
        }
    }

    @Test("backup writes a verified SQLite file with the same head", arguments: Backend.allCases)
    func backup(backend: Backend) throws {
        try with(backend) { fixture, register in
            try fill(fixture, register)
            let file = NSTemporaryDirectory() + "incident-backup-\(UUID().uuidString).sqlite"
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
            let head = try register.backup(to: file)
            #expect(head == (try register.head()))
            #expect(try Register(path: file, create: false).verify().headHash == head.hash)
        }
    }
}

@Suite("PostgreSQL: a server that goes away, a lock held too long")
struct PostgresFailureTests {
    @Test("a connection the server ends mid-session gives ServerError.unreachable, and nothing is written")
    func serverGone() throws {
        let fixture = try BackendFixture(.postgres)
        defer { fixture.remove() }
        let register = try fixture.open()
        let id = try fixture.incident(in: register, steps: 0)
        let database = try #require(URLComponents(string: fixture.location)?.path.dropFirst())
        let admin = try PostgresSession.connect(try #require(Backend.postgresURL))
        defer { admin.close() }
        try admin.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            [.text(String(database))])
        let error = #expect(throws: ServerError.self) {
            _ = try register.record(id) { current in
                var change = Updated()
                change.note = "after the server went away"
                return try Workflow.update(current, with: change, context: fixture.context())
            }
        }
        guard case .unreachable? = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        #expect(try RegisterOpener.open(fixture.location, field: "test", create: false).head().events == 1)
    }

    @Test("a writer that cannot get the chain head's lock in time gives up with nothing written")
    func lockTimeout() throws {
        let fixture = try BackendFixture(.postgres)
        defer { fixture.remove() }
        let register = try fixture.open()
        let id = try fixture.incident(in: register, steps: 0)
        let holder = try PostgresSession.connect(try PostgresURL(parsing: fixture.location, field: "test"))
        defer { holder.close() }
        try holder.query("BEGIN")
        try holder.query("SELECT seq FROM chain_head WHERE id = 1 FOR UPDATE")
        let waiting = try PostgresRegister(url: try PostgresURL(parsing: fixture.location, field: "test"), busyTimeout: 0.3)
        #expect(throws: ServerError.self) {
            _ = try waiting.record(id) { current in
                var change = Updated()
                change.note = "blocked"
                return try Workflow.update(current, with: change, context: fixture.context())
            }
        }
        try holder.query("ROLLBACK")
        #expect(try register.head().events == 1)
    }
}

extension RegisterStore {
    /// Marks the customer affected on an incident (reopening it first if it is closed).
    func reopenAndAffect(_ id: IncidentID, directory: Directory, fixture: BackendFixture) throws -> Incident {
        if try incident(id).isClosed {
            _ = try record(id) { try Workflow.reopen($0, to: .restore, reason: "customer found", context: fixture.context()) }
        }
        return try recordMany(id) { current in
            try Workflow.affect(current, [ShareProposal(customer: "acme", records: 3)], directory: directory, context: fixture.context())
        }
    }
}

/// A value shared between threads of a test.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
