import Testing

@testable import IncidentCore

@Suite("Four-eyes approval: who may approve which version, and sending without one")
struct ApprovalTests {
    @Test("another person approves the latest version; the approval names them and the version")
    func approvedByAnother() throws {
        var life = try NoticeLifecycle()
        try life.draft("acme", by: "dana")
        try life.approve("acme", by: "priya")
        let approval = try #require(life.incident.share(of: "acme")?.approval(of: 1))
        #expect(approval.by == "priya")
        #expect(approval.version == 1)
        try life.send("acme", requireApproval: true)
        #expect(life.incident.share(of: "acme")?.lastSentVersion == 1)
    }

    @Test("the person who drafted a version cannot approve it")
    func drafterRefused() throws {
        var life = try NoticeLifecycle()
        try life.draft("acme", by: "dana")
        let refusal = #expect(throws: WorkflowRefusal.self) { try life.approve("acme", by: "dana") }
        #expect(refusal?.description.contains("dana drafted it") == true)
        #expect(life.incident.share(of: "acme")?.approvals.isEmpty == true)
    }

    @Test(
        "refused: already approved, superseded, already sent, never drafted",
        arguments: ["approved", "superseded", "sent", "undrafted"])
    func refusals(_ situation: String) throws {
        var life = try NoticeLifecycle()
        if situation != "undrafted" { try life.draft("acme", by: "dana") }
        switch situation {
        case "approved": try life.approve("acme", by: "priya")
        case "superseded": try life.draft("acme", by: "dana")
        case "sent": try life.send("acme")
        default: break
        }
        #expect(throws: WorkflowRefusal.self) { try life.approve("acme", version: 1, by: "sam") }
    }

    @Test("a version out of range is bad input, not a refusal")
    func outOfRange() throws {
        var life = try NoticeLifecycle()
        try life.draft("acme", by: "dana")
        let error = #expect(throws: InputError.self) { try life.approve("acme", version: 3, by: "priya") }
        #expect(error?.field == .noticeVersion)
    }

    @Test("with approval required, an unapproved version is refused and the refusal says how to approve it")
    func sendUnapproved() throws {
        var life = try NoticeLifecycle()
        try life.draft("acme", by: "dana")
        let refusal = #expect(throws: WorkflowRefusal.self) { try life.send("acme", requireApproval: true) }
        #expect(refusal?.unmet.first?.next == .approveNotice(Fixture.id, customer: "acme", version: 1))
        // Not required: sent as before.
        try life.send("acme")
    }

    @Test("an approval of an older version does not carry over to a newer draft")
    func approvalIsPerVersion() throws {
        var life = try NoticeLifecycle()
        try life.draft("acme", by: "dana")
        try life.approve("acme", by: "priya")
        try life.draft("acme", by: "dana")
        #expect(throws: WorkflowRefusal.self) { try life.send("acme", requireApproval: true) }
        try life.approve("acme", by: "priya")
        try life.send("acme", requireApproval: true)
    }

    @Test("replay refuses an approval of a version never drafted")
    func replayGuards() throws {
        let life = try NoticeLifecycle()
        let event = IncidentEvent(
            incident: Fixture.id, number: life.incident.eventCount + 1,
            payload: .noticeApproved(NoticeApproved(customer: "acme", version: 1)), actor: "priya",
            recordedAt: Fixture.now, occurredAt: Fixture.now)
        var incident = life.incident
        #expect(throws: ReplayError.self) { try incident.apply(event) }
    }

    @Test("a share without approvals encodes as before approvals existed")
    func encodingUnchanged() throws {
        let share = CustomerShare(
            customer: "acme", dataCategories: [], subjectCategories: [], records: nil, subjects: nil, noticeHours: 24,
            affectedAt: Fixture.now)
        let text = try CanonicalJSON.encode(share)
        #expect(!text.contains("approvals"))
        #expect(try CanonicalJSON.decode(CustomerShare.self, text) == share)
    }
}
