import Testing

@testable import IncidentCore

@Suite("Notices numbered as each customer received them")
struct NoticeNumberingTests {
    @Test("a customer whose first notice sent is our version 2 reads notice 1")
    func firstSentIsVersionTwo() throws {
        var life = try NoticeLifecycle()
        try life.draft("acme")
        let second = try life.draft("acme")
        #expect(second.version == 2)
        #expect(second.facts.sequence == 1)
        try life.send("acme")
        let update = try life.draft("acme")
        #expect(update.version == 3)
        #expect(update.facts.sequence == 2)
        #expect(update.facts.changesSinceVersion == 2)
        #expect(update.facts.changesSinceNotice == 1)
    }

    @Test(
        "the next number follows the last notice sent; one drafted before numbering counts as its version",
        arguments: [(nil as Int?, 3, 4), (2, 3, 3), (nil, 1, 2)])
    func nextSequence(recorded: Int?, version: Int, expected: Int) throws {
        var facts = try Fixture.facts()
        facts.sequence = recorded
        let sent = NoticeVersion(
            customer: "acme", version: version, kind: .update, template: "t", subject: "s", markdown: "m", facts: facts)
        #expect(Workflow.nextSequence(lastSent: sent) == expected)
        #expect(Workflow.nextSequence(lastSent: nil) == 1)
    }
}
