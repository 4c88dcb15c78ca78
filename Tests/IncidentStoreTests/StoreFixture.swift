import Foundation
import GRDB
import IncidentCore

@testable import IncidentStore

/// A register in a fresh temporary folder, and helpers to fill it and to tamper with it like an attacker would.
struct StoreFixture {
    let folder: String
    let path: String
    static let now = Timestamp.utc(year: 2026, month: 11, day: 23, hour: 12)!

    init() throws {
        folder = NSTemporaryDirectory() + "incident-store-\(UUID().uuidString)"
        path = folder + "/nested/register.sqlite"
    }

    /// The register with a fixed clock (`now`, or `offset` seconds from it): no test depends on the wall clock.
    func open(clockOffset offset: Int64 = 0) throws -> Register {
        try Register(path: path, create: true, clock: { Self.now.adding(seconds: offset) })
    }

    func context(_ actor: String = "alice", offset: Int64 = 0) -> Context {
        Context(actor: actor, now: Self.now.adding(seconds: offset))
    }

    /// Logs an incident and walks it through `steps` phases, with an action in each.
    @discardableResult
    func incident(in register: Register, steps: Int = 5, aware: Timestamp = now.adding(seconds: -7200)) throws -> IncidentID {
        let body = Logged(
            title: "Transcripts exposed", nature: "Bucket left public at a subprocessor", severity: .high, awareAt: aware,
            source: "Twilio, Inc.", dataCategories: ["chat-transcripts"], subjectCategories: ["end-users"], records: 10)
        let id = try register.log(body, context: context()).id
        for step in 0..<steps {
            _ = try register.record(id) { current in
                var update = Updated()
                update.action = ActionTaken(text: "action \(step)", kind: current.phase.defaultActionKind, phase: current.phase)
                update.records = Change(from: current.records, to: (current.records ?? 0) + 1)
                return try Workflow.update(current, with: update, context: context("bob"))
            }
            _ = try register.record(id) { current in
                current.phase == .restore
                    ? try Workflow.close(current, summary: "done", context: context())
                    : try Workflow.advance(current, note: "next", context: context())
            }
        }
        return id
    }

    /// Runs raw SQL with the append-only triggers removed: what someone with the file and a SQLite shell can do.
    /// The events' triggers stay removed (verify reports that); the projections' are put back afterwards, as
    /// someone covering their tracks would.
    func tamper(_ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS events_refuse_update; DROP TRIGGER IF EXISTS events_refuse_delete")
            let guards = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'")
            for row in guards { try db.execute(sql: "DROP TRIGGER \(row["name"] as String)") }
            try db.execute(sql: sql)
            for row in guards { try db.execute(sql: row["sql"]) }
        }
    }

    func bytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
