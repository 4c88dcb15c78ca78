import Foundation
import GRDB
import IncidentCore
import Testing

@testable import IncidentStore

extension VerifyReport {
    /// The problems that belong to one event, in chain order.
    var eventProblems: [Problem] { problems.filter { $0.event != nil } }
}

@Suite("Verify: hash chain and replay")
struct VerifyTests {
    /// A register with three incidents and 1 + 2×steps events each.
    func filled() throws -> (StoreFixture, Register) {
        let fixture = try StoreFixture()
        let register = try fixture.open()
        try fixture.incident(in: register, steps: 5)
        try fixture.incident(in: register, steps: 2)
        try fixture.incident(in: register, steps: 0)
        return (fixture, register)
    }

    @Test("an untouched register verifies clean, and its projections equal a replay")
    func clean() throws {
        let (fixture, register) = try filled()
        defer { fixture.remove() }
        let report = try register.verify()
        #expect(report.problems == [])
        #expect(report.eventsChecked == 11 + 5 + 1)
        #expect(report.eventsValid == report.eventsChecked)
        #expect(report.incidentsReplayed == 3)
        #expect(report.integrityCheck == "ok")
        #expect(report.headSequence == 17)
    }

    @Test("incidents whose events interleave are compared one by one as the walk completes each, and verify clean")
    func interleaved() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let register = try fixture.open()
        let first = try fixture.incident(in: register, steps: 1)
        let second = try fixture.incident(in: register, steps: 1)
        for id in [first, second, first] {
            _ = try register.record(id) { try Workflow.update($0, with: HiddenSchemaTests.note("later"), context: fixture.context()) }
        }
        let report = try register.verify()
        #expect(report.problems == [])
        #expect(report.incidentsReplayed == 2)
        try fixture.tamper("UPDATE incidents SET title = 'Changed' WHERE number = 2")
        let tampered = try register.verify()
        // `tamper` leaves the events' triggers removed, which verify reports as schema findings.
        #expect(
            tampered.problems.map(\.reason).filter { !$0.hasPrefix("schema:") } == ["projection differs from the replayed events in: title"]
        )
        #expect(tampered.incidentsReplayed == 2)
    }

    @Test("a last_seq naming an earlier event of its own incident is reported as last_seq, and nothing else")
    func earlierLastSeq() throws {
        let (fixture, register) = try filled()
        defer { fixture.remove() }
        try fixture.tamper(
            "UPDATE incidents SET last_seq = (SELECT min(seq) FROM events e WHERE e.incident_id = incidents.id) WHERE number = 1")
        let problems = try register.verify().problems.filter { !$0.reason.hasPrefix("schema:") }
        #expect(problems.count == 1)
        #expect(problems.allSatisfy { $0.reason.hasSuffix("in: last_seq") }, "\(problems)")
        #expect(try register.verify().incidentsReplayed == 3)
    }

    @Test(
        "changing any stored field of an event is caught at that event",
        arguments: [
            "UPDATE events SET actor = 'mallory' WHERE seq = 4",
            "UPDATE events SET payload = replace(payload, 'action 1', 'action X') WHERE seq = 4",
            "UPDATE events SET recorded_at = '2026-11-23T11:59:59Z' WHERE seq = 4",
            "UPDATE events SET occurred_at = '2026-11-20T00:00:00Z' WHERE seq = 4",
            "UPDATE events SET type = 'closed' WHERE seq = 4",
            "UPDATE events SET incident_seq = 40 WHERE seq = 4",
        ])
    func changedRow(sql: String) throws {
        let (fixture, register) = try filled()
        defer { fixture.remove() }
        try fixture.tamper(sql)
        let report = try register.verify()
        #expect(report.eventProblems.first?.event == 4)
        #expect(report.eventsValid < report.eventsChecked)
    }

    @Test("a removed event is caught at the event after it")
    func removedRow() throws {
        let (fixture, register) = try filled()
        defer { fixture.remove() }
        try fixture.tamper("DELETE FROM events WHERE seq = 6")
        let report = try register.verify()
        #expect(report.eventProblems.first?.event == 7)
        #expect(report.problems.contains { $0.reason.contains("missing") })
    }

    @Test("reordered events are caught")
    func reordered() throws {
        let (fixture, register) = try filled()
        defer { fixture.remove() }
        // Swap the content of events 5 and 6, keeping their positions.
        try fixture.tamper(
            """
            UPDATE events SET seq = 1000 WHERE seq = 5; UPDATE events SET seq = 5 WHERE seq = 6; UPDATE events SET seq = 6 WHERE seq = 1000;
            """)
        let report = try register.verify()
        #expect(report.eventProblems.first?.event == 5)
        #expect(report.problems.contains { $0.event == 6 })
    }

    @Test("a rewritten projection is caught and the field named")
    func projection() throws {
        let (fixture, register) = try filled()
        defer { fixture.remove() }
        try fixture.tamper("UPDATE incidents SET severity = 'low' WHERE id = 'INC-2026-0002'")
        let report = try register.verify()
        let found = report.problems.filter { !$0.reason.hasPrefix("schema:") }
        #expect(found.count == 1)
        #expect(found.first?.incident == "INC-2026-0002")
        #expect(found.first?.reason.contains("severity") == true)
    }

    @Test("removing the append-only triggers is itself reported, and an altered table stops the row checks")
    func schema() throws {
        let (fixture, register) = try filled()
        defer { fixture.remove() }
        try fixture.tamper("SELECT 1")
        var report = try register.verify()
        #expect(
            report.problems.map(\.reason) == [
                "schema: trigger events_refuse_delete was removed", "schema: trigger events_refuse_update was removed",
            ])
        #expect(report.eventsChecked == 17, "the other checks still ran")
        try fixture.tamper("ALTER TABLE notes ADD COLUMN extra TEXT")
        report = try register.verify()
        #expect(report.problems.contains { $0.reason == "schema: table notes was altered" })
        #expect(report.eventsChecked == 0)
    }

    @Test("a deleted action row is caught")
    func deletedAction() throws {
        let (fixture, register) = try filled()
        defer { fixture.remove() }
        try fixture.tamper("DELETE FROM actions WHERE incident_id = 'INC-2026-0001' AND event_number = 2")
        let report = try register.verify()
        #expect(report.problems.contains { $0.incident == "INC-2026-0001" && $0.reason.contains("actions") })
    }

    @Test("the chain hashes a canonical, length-prefixed form")
    func canonical() {
        let content = HashChain.Content(
            seq: 1, incident: "INC-2026-0001", incidentSeq: 1, type: "logged", payload: "{}", actor: "a\nb",
            recordedAt: "2026-11-23T12:00:00Z", occurredAt: "2026-11-23T12:00:00Z", previousHash: HashChain.genesis)
        #expect(HashChain.canonical(content).contains("actor 3:a\nb\n"))
        #expect(HashChain.hash(content).count == 64)
        var other = content
        other.actor = "a"
        other.type = "logged\nactor 1:b"
        #expect(HashChain.hash(other) != HashChain.hash(content))
    }
}
