import Testing

@testable import IncidentCore

@Suite("What each customer is owed, and by when (time passed in)")
struct NoticeDueTests {
    static func hours(_ h: Int64) -> Timestamp { Fixture.now.adding(seconds: h * 3600) }

    @Test("before anything is sent, each customer owes its first notice by its deadline")
    func firstNotices() throws {
        let life = try NoticeLifecycle()
        let due = Workflow.dueNotices(life.incident, lastSent: [:])
        #expect(due.map(\.owed) == [.firstNotice, .firstNotice])
        let deadline = life.incident.share(of: "acme")!.dueBy(awareAt: life.incident.awareAt)
        #expect(due[0].dueBy == deadline)
        #expect(!due[0].isOverdue(at: deadline))
        #expect(due[0].isOverdue(at: deadline.adding(seconds: 1)))
        #expect(due[0].secondsLeft(at: deadline.adding(seconds: -60)) == 60)
    }

    @Test("an initial notice promises the next update by the customer's own cadence, else ours")
    func cadence() throws {
        var life = try NoticeLifecycle()
        let acme = try life.draft("acme", at: Fixture.now)
        let contoso = try life.draft("contoso", at: Fixture.now)
        #expect(acme.facts.nextUpdateBy == Self.hours(6))
        #expect(contoso.facts.nextUpdateBy == Self.hours(24))
        try life.send("acme", at: Self.hours(1))
        let due = Workflow.dueNotices(life.incident, lastSent: life.lastSent)
        #expect(
            due.first { $0.customer == "acme" } == NoticeDue(incident: Fixture.id, customer: "acme", owed: .update, dueBy: Self.hours(6)))
        #expect(Workflow.isOverdue(life.incident, lastSent: life.lastSent, at: Self.hours(7)))
        #expect(
            Workflow.dueNotices(life.incident, lastSent: life.lastSent).filter { $0.isOverdue(at: Self.hours(7)) }.map(\.customer) == [
                "acme"
            ])
    }

    @Test("a closed incident owes no promised update; its first notices stay owed")
    func closedOwesNoUpdate() throws {
        var life = try NoticeLifecycle()
        try life.draft("acme")
        try life.send("acme")
        var closed = life.incident
        closed.phase = .closed
        let due = Workflow.dueNotices(closed, lastSent: life.lastSent)
        #expect(due.map(\.customer) == ["contoso"])
        #expect(due.map(\.owed) == [.firstNotice])
    }

    @Test("a ruled-out customer that was told is owed a not-affected notice by the update it was promised")
    func notAffectedDue() throws {
        var life = try NoticeLifecycle()
        try life.draft("acme")
        try life.send("acme")
        try life.ruleOut("acme", at: Self.hours(2))
        let due = try #require(Workflow.dueNotices(life.incident, lastSent: life.lastSent).first { $0.customer == "acme" })
        #expect(due.owed == .notAffected)
        #expect(due.dueBy == Self.hours(6))
        try life.draft("acme", at: Self.hours(3))
        try life.send("acme", at: Self.hours(3))
        #expect(Workflow.dueNotices(life.incident, lastSent: life.lastSent).allSatisfy { $0.customer != "acme" })
    }

    @Test("a final notice sent ends the promises even if the incident is reopened")
    func finalEndsPromises() throws {
        var life = try NoticeLifecycle()
        try life.draft("contoso")
        try life.send("contoso")
        var final = life.lastSent["contoso"]!
        final.kind = .final
        final.facts.nextUpdateBy = nil
        #expect(Workflow.dueNotices(life.incident, lastSent: ["contoso": final]).map(\.customer) == ["acme"])
    }
}
