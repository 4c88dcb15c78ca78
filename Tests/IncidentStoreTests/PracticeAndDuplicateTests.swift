import Foundation
import GRDB
import IncidentCore
import Testing

@testable import IncidentStore

@Suite("Practice registers and duplicate candidates")
struct PracticeAndDuplicateTests {
    @Test("the name 'practice' resolves beside the default register, from the flag or the environment")
    func location() throws {
        let environment = ["HOME": "/home/dana", "XDG_DATA_HOME": "/data"]
        #expect(try RegisterLocation.resolve(explicit: "practice", environment: environment) == "/data/incident/practice.sqlite")
        #expect(
            try RegisterLocation.resolve(explicit: nil, environment: environment.merging(["INCIDENT_DB": "practice"]) { $1 })
                == "/data/incident/practice.sqlite")
        #expect(try RegisterLocation.resolve(explicit: "./practice", environment: environment) == "./practice")
        #expect(
            try RegisterLocation.practicePath(environment: ["HOME": "/home/dana"]) == "/home/dana/.local/share/incident/practice.sqlite")
        #expect(RegisterLocation.requestsPractice(explicit: "practice", environment: [:]))
        #expect(!RegisterLocation.requestsPractice(explicit: "/tmp/x", environment: ["INCIDENT_DB": "practice"]))
    }

    @Test("a new register can be marked practice; the mark stays, and a register with events cannot be marked")
    func mark() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let register = try fixture.open()
        #expect(try !register.isPractice())
        try register.markPractice()
        try register.markPractice()
        #expect(try register.isPractice())
        try fixture.incident(in: register, steps: 1)
        #expect(try register.verify().problems == [])
        // SQLite itself refuses removing or changing the mark, whoever writes.
        let queue = try DatabaseQueue(path: fixture.path)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM practice") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE practice SET purpose = 'x'") } }

        let real = try StoreFixture()
        defer { real.remove() }
        let realRegister = try real.open()
        try real.incident(in: realRegister, steps: 0)
        #expect(throws: StoreError.self) { try realRegister.markPractice() }
        let realQueue = try DatabaseQueue(path: real.path)
        #expect(throws: DatabaseError.self) {
            try realQueue.write {
                try $0.execute(
                    sql: "INSERT INTO practice (id, purpose) VALUES (1, 'for trying things out; not a record of real incidents')")
            }
        }
        #expect(try !realRegister.isPractice())
        #expect(try realRegister.verify().problems == [])
    }

    @Test("discarding deletes only a practice register")
    func discard() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try !Register.discardPractice(at: fixture.path))
        try fixture.open().markPractice()
        #expect(try Register.discardPractice(at: fixture.path))
        #expect(!FileManager.default.fileExists(atPath: fixture.path))
        let register = try fixture.open()
        try fixture.incident(in: register, steps: 0)
        #expect(throws: StoreError.self) { _ = try Register.discardPractice(at: fixture.path) }
        #expect(FileManager.default.fileExists(atPath: fixture.path))
    }

    @Test("duplicates are found by awareness time and title, and refused inside the write unless accepted")
    func duplicates() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let register = try fixture.open()
        let awareAt = StoreFixture.now.adding(seconds: -3600)
        let body = Logged(title: "Call records exposed", nature: "n", awareAt: awareAt)
        let first = try register.log(body, context: fixture.context(), refusingDuplicatesExcept: []).id
        var again = body
        again.title = "call RECORDS exposed"
        #expect(try register.possibleDuplicates(of: again).map(\.id) == [first])
        let error = #expect(throws: PossibleDuplicate.self) {
            _ = try register.log(again, context: fixture.context(), refusingDuplicatesExcept: [])
        }
        #expect(error?.existing.map(\.id) == [first])
        let second = try register.log(again, context: fixture.context(), refusingDuplicatesExcept: [first]).id
        #expect(second != first)
        // Without a policy (the store's own callers, imports), nothing is checked.
        _ = try register.log(again, context: fixture.context())
        var other = body
        other.awareAt = awareAt.adding(seconds: 60)
        #expect(try register.possibleDuplicates(of: other).isEmpty)
        #expect(try register.list(ListFilter()).count == 3)
    }
}
