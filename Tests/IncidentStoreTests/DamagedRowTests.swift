import Foundation
import GRDB
import IncidentCore
import Testing

@testable import IncidentStore

/// Issue 10, class 3: a value of the wrong storage class in any column is damage (exit 68, naming the table,
/// the row and the column), never a crash; `verify` reports it and goes on.
@Suite("Damaged rows")
struct DamagedRowTests {
    /// A register with one incident that has an action, a note, a customer share and a notice.
    static func filled() throws -> (StoreFixture, Register, IncidentID) {
        let fixture = try StoreFixture()
        let register = try fixture.open()
        let id = try fixture.incident(in: register, steps: 1)
        _ = try register.record(id) { current in
            var update = Updated()
            update.note = "a note"
            return try Workflow.update(current, with: update, context: fixture.context())
        }
        _ = try register.recordDirectory { _ in
            [
                DirectoryEvent(
                    payload: .customerAdded(Customer(slug: "acme", name: "Acme", emails: ["dpo@acme.example"])), actor: "a",
                    recordedAt: StoreFixture.now)
            ]
        }
        let directory = try register.directory()
        _ = try register.recordMany(id) { current in
            try Workflow.affect(
                current, [ShareProposal(customer: "acme", dataCategories: ["names"], records: 5)], directory: directory,
                context: fixture.context())
        }
        return (fixture, register, id)
    }

    static let cases: [(table: String, column: String, value: String)] = [
        ("notes", "text", "X'8f'"), ("notes", "event_number", "'seven'"), ("actions", "text", "X'8f'"),
        ("incidents", "title", "X'8f'"), ("incidents", "records", "'many'"), ("incidents", "event_count", "X'00'"),
        ("incidents", "phase_entered_event", "'x'"), ("shares", "notice_hours", "'x'"), ("shares", "records", "X'8f'"),
        ("customers", "name", "X'8f'"), ("customers", "notice_hours", "'x'"), ("events", "payload", "X'8f'"),
        ("events", "actor", "X'8f'"), ("events", "incident_seq", "'two'"), ("events", "hash", "X'8f'"),
    ]

    @Test("verify reports a wrong storage class with its table and column, and goes on", arguments: cases)
    func verifyReports(table: String, column: String, value: String) throws {
        let (fixture, register, _) = try Self.filled()
        defer { fixture.remove() }
        try fixture.tamper(
            "PRAGMA ignore_check_constraints = ON; UPDATE \(table) SET \(column) = \(value)\(table == "events" ? " WHERE seq = 2" : "")")
        let report = try register.verify()
        #expect(!report.isClean)
        #expect(report.problems.contains { $0.reason.contains(column) || $0.reason.contains("differs") }, "\(report.problems)")
        #expect(report.eventsChecked >= 1, "the chain was still walked")
    }

    @Test("reads report damage naming table, row and column", arguments: cases.filter { $0.table != "events" })
    func readsReport(table: String, column: String, value: String) throws {
        let (fixture, register, id) = try Self.filled()
        defer { fixture.remove() }
        try fixture.tamper(
            "PRAGMA ignore_check_constraints = ON; UPDATE \(table) SET \(column) = \(value)\(table == "events" ? " WHERE seq = 2" : "")")
        let error = #expect(throws: StoreError.self) {
            _ = try register.incident(id)
            _ = try register.list(ListFilter())
            _ = try register.directory()
        }
        guard case .damaged(let reason)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(reason.contains("\(table) row") && reason.contains("column \(column)"), "\(reason)")
    }

    @Test("the timeline reports a damaged event instead of crashing")
    func timeline() throws {
        let (fixture, register, id) = try Self.filled()
        defer { fixture.remove() }
        try fixture.tamper("UPDATE events SET actor = X'8f' WHERE seq = 2")
        let error = #expect(throws: StoreError.self) { _ = try register.timeline(id) }
        guard case .damaged(let reason)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(reason.contains("events row 2, column actor"), "\(reason)")
    }

    @Test(
        "every projection table refuses what its events never do",
        arguments: [
            "UPDATE notes SET text = 'x'", "DELETE FROM notes", "UPDATE actions SET text = 'x'", "DELETE FROM actions",
            "UPDATE customers SET slug = 'x'", "DELETE FROM customers", "DELETE FROM shares", "DELETE FROM incidents",
            "UPDATE incidents SET number = 9", "UPDATE incidents SET year = 2030", "UPDATE incidents SET id = 'INC-2026-0009'",
        ])
    func appendOnly(sql: String) throws {
        let (fixture, _, _) = try Self.filled()
        defer { fixture.remove() }
        let queue = try DatabaseQueue(path: fixture.path)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: sql) } }
    }
}
