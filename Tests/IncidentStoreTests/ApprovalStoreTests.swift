import Foundation
import IncidentCore
import Testing

@testable import IncidentStore

/// Approvals, the not-affected kind and per-customer update hours, kept and verified on every backend.
@Suite("Approval and the all-clear, on every backend")
struct ApprovalStoreTests {
    @Test("an approval, a not-affected notice and a customer's update hours read back and verify", arguments: Backend.allCases)
    func roundTrip(backend: Backend) throws {
        let fixture = try BackendFixture(backend)
        defer { fixture.remove() }
        let register = try fixture.open()
        let id = try fixture.incident(in: register, steps: 0)
        _ = try register.recordDirectory { _ in
            [
                DirectoryEvent(
                    payload: .customerAdded(Customer(slug: "acme", name: "Acme GmbH", emails: ["dpo@acme.example"], updateHours: 6)),
                    actor: "alice", recordedAt: StoreFixture.now),
                DirectoryEvent(
                    payload: .organisationSet(Organisation(name: "Us", email: "security@us.example", requireApproval: true)),
                    actor: "alice", recordedAt: StoreFixture.now),
            ]
        }
        let directory = try register.directory()
        #expect(directory.customers["acme"]?.updateHours == 6)
        #expect(directory.organisation?.approvalRequired == true)
        _ = try register.recordMany(id) {
            try Workflow.affect($0, [ShareProposal(customer: "acme")], directory: directory, context: fixture.context())
        }
        func draft(by actor: String) throws {
            let snapshot = try register.noticeSnapshot(id)
            let facts = try Workflow.planNotices(
                snapshot.incident, customers: ["acme"], directory: snapshot.directory, requested: nil, checkpoint: snapshot.head,
                lastSent: snapshot.lastSent, now: StoreFixture.now)[0]
            let version = NoticeVersion(
                customer: "acme", version: facts.version, kind: facts.kind, template: "t", subject: "s", markdown: "m", facts: facts)
            let events = try Workflow.draft(snapshot.incident, [version], context: fixture.context(actor))
            #expect(try register.append(events, to: id, ifHeadIs: snapshot.head) != nil)
        }
        try draft(by: "dana")
        #expect(try register.noticeSnapshot(id).incident.share(of: "acme")?.draftedVersions == 1)
        _ = try register.record(id) {
            try Workflow.approve($0, customer: "acme", version: 1, draftedBy: "dana", context: fixture.context("priya"))
        }
        _ = try register.record(id) {
            try Workflow.markSent($0, customer: "acme", version: nil, via: nil, requireApproval: true, context: fixture.context())
        }
        let approval = try #require(try register.incident(id).share(of: "acme")?.approval(of: 1))
        #expect(approval.by == "priya")
        #expect(try register.noticeVersions(id).first?.draftedBy == "dana")

        _ = try register.record(id) { try Workflow.unaffect($0, customer: "acme", reason: "other cluster", context: fixture.context()) }
        try draft(by: "dana")
        let latest = try register.noticeSnapshot(id).incident.share(of: "acme")
        #expect(latest?.latestKind == .notAffected)
        var kinds: [NoticeKind] = []
        try register.forEachNotice(id) { kinds.append($0.kind) }
        #expect(kinds == [.initial, .notAffected])
        #expect(try register.verify().isClean)
    }
}
