import Testing

@testable import IncidentCore

@Suite("Duplicate incidents")
struct DuplicateRuleTests {
    static let awareAt = Timestamp.utc(year: 2026, month: 11, day: 23, hour: 8)!
    static let existing = LoggedIncident(
        id: IncidentID(year: 2026, number: 1), title: "Call records exposed at VoIP subprocessor",
        awareAt: awareAt)

    static func body(_ title: String, awareAt: Timestamp = awareAt) -> Logged {
        Logged(title: title, nature: "n", awareAt: awareAt)
    }

    @Test(
        "the same title and awareness time is a duplicate, whatever the case and spacing",
        arguments: [
            "Call records exposed at VoIP subprocessor", "call records exposed at voip subprocessor",
            "Call  records exposed at VoIP\tsubprocessor",
        ])
    func same(title: String) {
        #expect(DuplicateRule.duplicates(of: Self.body(title), among: [Self.existing]) == [Self.existing])
    }

    @Test("another title or another second is not")
    func different() {
        #expect(DuplicateRule.duplicates(of: Self.body("Call records exposed at Northwind"), among: [Self.existing]).isEmpty)
        let later = Self.body(Self.existing.title, awareAt: Self.awareAt.adding(seconds: 1))
        #expect(DuplicateRule.duplicates(of: later, among: [Self.existing]).isEmpty)
        #expect(DuplicateRule.duplicates(of: Self.body(Self.existing.title), among: []).isEmpty)
    }

    @Test("a duplicate is refused naming the incident it repeats, unless a person accepted it")
    func check() throws {
        let error = #expect(throws: PossibleDuplicate.self) {
            try DuplicateRule.check(Self.body(Self.existing.title), among: [Self.existing])
        }
        #expect(error?.existing == [Self.existing])
        #expect(
            error?.description
                == #"not logged: INC-2026-0001 "Call records exposed at VoIP subprocessor" has the same title and awareness time (2026-11-23T08:00:00Z)"#
        )
        try DuplicateRule.check(Self.body(Self.existing.title), among: [Self.existing], accepted: [Self.existing.id])
        // One accepted, another appeared meanwhile: still refused, naming only the new one.
        let second = LoggedIncident(id: IncidentID(year: 2026, number: 2), title: Self.existing.title, awareAt: Self.awareAt)
        let late = #expect(throws: PossibleDuplicate.self) {
            try DuplicateRule.check(Self.body(Self.existing.title), among: [Self.existing, second], accepted: [Self.existing.id])
        }
        #expect(late?.existing == [second])
    }
}
