import Testing

@testable import IncidentCore

@Suite("Ruled out after being told: the not-affected notice")
struct NotAffectedTests {
    @Test("a customer sent a notice and then ruled out is owed a not-affected notice, with the reason, until it is sent")
    func owedUntilSent() throws {
        var life = try NoticeLifecycle()
        try life.draft("acme")
        try life.send("acme")
        try life.ruleOut("acme", reason: "Acme's tenant is on the other cluster")
        #expect(CustomerSelection.all.recipients(in: life.incident, lastSentKinds: life.lastSent.mapValues(\.kind)) == ["acme", "contoso"])
        let notice = try life.draft("acme")
        #expect(notice.kind == .notAffected)
        #expect(notice.facts.ruledOutReason == "Acme's tenant is on the other cluster")
        #expect(notice.facts.nextUpdateBy == nil)
        #expect(notice.facts.sequence == 2)
        try life.send("acme")
        #expect(CustomerSelection.all.recipients(in: life.incident, lastSentKinds: life.lastSent.mapValues(\.kind)) == ["contoso"])
        #expect(throws: WorkflowRefusal.self) { try life.draft("acme") }
    }

    @Test("a customer ruled out before any notice was sent gets nothing")
    func ruledOutBeforeTold() throws {
        var life = try NoticeLifecycle()
        try life.ruleOut("acme")
        #expect(CustomerSelection.all.recipients(in: life.incident) == ["contoso"])
        #expect(throws: WorkflowRefusal.self) { try life.draft("acme") }
        #expect(Workflow.dueNotices(life.incident, lastSent: life.lastSent).map(\.customer) == ["contoso"])
    }

    @Test("a ruled-out customer cannot be sent an older update, only its latest not-affected draft")
    func onlyTheAllClear() throws {
        var life = try NoticeLifecycle()
        try life.draft("acme")
        try life.send("acme")
        try life.draft("acme")
        try life.ruleOut("acme")
        #expect(throws: WorkflowRefusal.self) { try life.send("acme", version: 2) }
        try life.draft("acme")
        try life.send("acme", version: 3)
    }

    @Test("a not-affected draft cannot be approved or sent once the customer is affected again")
    func affectedAgain() throws {
        var life = try NoticeLifecycle()
        try life.draft("acme")
        try life.send("acme")
        try life.ruleOut("acme")
        try life.draft("acme")
        for event in try Workflow.affect(
            life.incident, [ShareProposal(customer: "acme")], directory: NoticeLifecycle.directory, context: Fixture.context)
        {
            try life.incident.apply(event)
        }
        #expect(life.incident.share(of: "acme")?.ruledOut == nil)
        #expect(throws: WorkflowRefusal.self) { try life.send("acme") }
        #expect(throws: WorkflowRefusal.self) { try life.approve("acme", by: "priya") }
    }

    @Test("an older draft is superseded: sending it after a newer one would give two notices one number")
    func superseded() throws {
        var life = try NoticeLifecycle()
        try life.draft("acme")
        try life.draft("acme")
        #expect(throws: WorkflowRefusal.self) { try life.send("acme", version: 1) }
        try life.send("acme", version: 2)
    }

    @Test("--kind not-affected for a customer still affected is refused; the kind follows the facts")
    func kindChecked() throws {
        let life = try NoticeLifecycle()
        let share = try #require(life.incident.share(of: "acme"))
        #expect(throws: WorkflowRefusal.self) { _ = try Workflow.noticeKind(life.incident, share: share, requested: .notAffected) }
    }

    @Test("an export of all takes the ruled-out customer whose latest draft is its not-affected notice")
    func exportRecipients() throws {
        var life = try NoticeLifecycle()
        try life.draft("acme")
        try life.send("acme")
        try life.ruleOut("acme")
        #expect(CustomerSelection.all.exportRecipients(in: life.incident) == ["contoso"])
        try life.draft("acme")
        #expect(CustomerSelection.all.exportRecipients(in: life.incident) == ["acme", "contoso"])
    }
}
