import Foundation
import IncidentCore
import Testing

@testable import IncidentStore

/// Withdrawals, recommendations, planned measures and undeterminable items: stored, read back and verified
/// the same way on both backends.
@Suite("Advice and withdrawals, on every backend")
struct AdviceStoreTests {
    @Test("a withdrawal reads back as replayed and verify stays clean", arguments: Backend.allCases)
    func roundTrip(backend: Backend) throws {
        let fixture = try BackendFixture(backend)
        defer { fixture.remove() }
        let register = try fixture.open()
        let id = try fixture.incident(in: register, steps: 0)
        _ = try register.recordDirectory { _ in
            [
                DirectoryEvent(
                    payload: .customerAdded(Customer(slug: "acme", name: "Acme GmbH", emails: ["dpo@acme.example"])),
                    actor: "alice", recordedAt: StoreFixture.now)
            ]
        }
        var first = UpdateProposal()
        first.facts.dataCategories = ["names", "telephone-numbers"]
        first.facts.consequences = ["Phishing calls"]
        first.action = "Blocked the address"
        first.recommendedActions = ["Warn end users"]
        first.plannedAction = Planned(text: "Rotate keys", targetBy: StoreFixture.now.adding(seconds: 86_400))
        _ = try register.record(id) { try Workflow.update($0, proposal: first, context: fixture.context()) }
        let directory = try register.directory()
        _ = try register.recordMany(id) {
            try Workflow.affect($0, [ShareProposal(customer: "acme")], directory: directory, context: fixture.context())
        }
        var second = UpdateProposal()
        second.withdraw.dataCategories = ["telephone-numbers"]
        second.withdraw.actions = [1]
        second.withdraw.recommendedActions = [1]
        second.note = "Recorded in error"
        second.cannotDetermine = [Undetermined(item: "records", reason: "Logs rotated")]
        _ = try register.record(id) { try Workflow.update($0, proposal: second, context: fixture.context()) }
        let stored = try register.incident(id)
        #expect(stored.dataCategories == ["chat-transcripts", "names"])
        #expect(stored.shares[0].dataCategories == ["chat-transcripts", "names"])
        #expect(stored.withdrawnActionNumbers == [1])
        #expect(stored.recommendedActions?.first?.withdrawn?.reason == "Recorded in error")
        #expect(stored.openPlannedActions.map(\.text) == ["Rotate keys"])
        #expect(stored.undeterminedReasons == ["records": "Logs rotated"])
        #expect(try register.verify().isClean)
        #expect(try fixture.open().incident(id) == stored)
    }
}
