import Foundation
import GRDB
import IncidentCore
import Testing

@testable import IncidentStore

/// Issue 10, item 10: the projection columns verify did not check, time order, the canonical id form, and a clock
/// set back.
@Suite("Verify: positions, time order and id form")
struct PositionTests {
    static func filled() throws -> (StoreFixture, Register, IncidentID) {
        let (fixture, register, id) = try DamagedRowTests.filled()
        return (fixture, register, id)
    }

    @Test(
        "an edited year, number or *_seq column is reported, naming the column",
        arguments: [
            ("UPDATE incidents SET number = 50", "number"), ("UPDATE incidents SET year = 2030", "year"),
            ("UPDATE incidents SET last_seq = 1", "last_seq"), ("UPDATE customers SET added_seq = 1", "added_seq"),
        ])
    func column(sql: String, column: String) throws {
        let (fixture, register, _) = try Self.filled()
        defer { fixture.remove() }
        try fixture.tamper(sql)
        let report = try register.verify()
        #expect(report.problems.contains { $0.reason.contains("in: \(column)") }, "\(report.problems)")
    }

    @Test(
        "after an edited number or year, log refuses with damage instead of jumping or failing with 70",
        arguments: [
            "UPDATE incidents SET number = 50", "UPDATE incidents SET year = 2025",
        ])
    func nextNumber(sql: String) throws {
        let (fixture, register, _) = try Self.filled()
        defer { fixture.remove() }
        try fixture.tamper(sql)
        for year in [2025, 2026] {
            let body = Logged(
                title: "t", nature: "n", severity: .low, awareAt: Timestamp.utc(year: year, month: 6, day: 1)!, source: "internal",
                dataCategories: [], subjectCategories: [])
            do {
                let incident = try register.log(body, context: fixture.context())
                #expect(incident.id.number == 1 || incident.id == IncidentID(year: 2026, number: 2), "\(incident.id)")
            } catch let error as StoreError {
                guard case .damaged = error else {
                    Issue.record("\(error)")
                    continue
                }
            }
        }
    }

    @Test("an event whose recorded_at goes backwards is reported")
    func backwards() throws {
        let (fixture, register, _) = try Self.filled()
        defer { fixture.remove() }
        try fixture.tamper("UPDATE events SET recorded_at = '2020-01-01T00:00:00Z' WHERE seq = (SELECT max(seq) FROM events)")
        let report = try register.verify()
        #expect(report.problems.contains { $0.reason.contains("recorded_at goes back") }, "\(report.problems)")
    }

    @Test("a clock behind the last event refuses the write and writes nothing")
    func clockBehind() throws {
        let (fixture, register, id) = try Self.filled()
        defer { fixture.remove() }
        let before = try register.head()
        // Another process whose clock is an hour behind: the register stamps events with its clock, under the lock.
        let behind = try fixture.open(clockOffset: -3600)
        #expect(throws: StoreError.self) {
            _ = try behind.record(id) {
                try Workflow.update($0, with: HiddenSchemaTests.note("late"), context: fixture.context(offset: -3600))
            }
        }
        #expect(try register.head() == before)
    }

    @Test("an id stored as inc-2026-1 (with the chain rebuilt) is reported by verify, and reads call it damage")
    func nonCanonicalID() throws {
        let (fixture, register, _) = try Self.filled()
        defer { fixture.remove() }
        try fixture.tamper("UPDATE events SET incident_id = 'inc-2026-1' WHERE seq = 2")
        let report = try register.verify()
        #expect(report.problems.contains { $0.event == 2 && $0.reason.contains("INC-YYYY-NNNN") }, "\(report.problems)")
        try fixture.tamper("PRAGMA foreign_keys = OFF; UPDATE incidents SET id = 'inc-2026-1'")
        #expect(throws: StoreError.self) { _ = try register.list(ListFilter()) }
    }
}

@Suite("Live register: the -shm file")
struct SharedMemoryTests {
    @Test("a -shm file deleted while the register is open stops the next write before it commits")
    func deletedSharedMemory() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let register = try fixture.open()
        let id = try fixture.incident(in: register, steps: 0)
        let before = try register.head()
        try FileManager.default.removeItem(atPath: fixture.path + "-shm")
        let error = #expect(throws: StoreError.self) {
            _ = try register.record(id) { try Workflow.update($0, with: HiddenSchemaTests.note("n"), context: fixture.context()) }
        }
        #expect("\(String(describing: error))".contains("-shm"))
        #expect(try register.head() == before)
    }
}
