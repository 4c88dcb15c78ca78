import Foundation
import IncidentCore
import Testing

@testable import IncidentStore

/// Breach types ride in event payloads and metrics fold an incident's timeline: both must read back the same on
/// either backend, and verify must still pass.
@Suite("Breach types and metrics, on every backend")
struct BreachTypeAndMetricsTests {
    @Test("breach types and response times read back from the timeline; verify passes", arguments: Backend.allCases)
    func readBack(backend: Backend) throws {
        let fixture = try BackendFixture(backend)
        defer { fixture.remove() }
        let register = try fixture.open()
        let body = Logged(
            title: "Bucket left public", nature: "A bucket was public", awareAt: StoreFixture.now.adding(seconds: -7200),
            breachTypes: [.confidentiality])
        let id = try register.log(body, context: fixture.context()).id
        _ = try register.record(id) { current in
            var proposal = UpdateProposal()
            proposal.breachTypes = [.confidentiality, .availability]
            proposal.knownBreachTypes = [.confidentiality]
            return try Workflow.update(current, proposal: proposal, context: fixture.context())
        }
        _ = try register.record(id) { try Workflow.advance($0, note: "scoped", context: fixture.context()) }
        let events = try register.timeline(id).map(\.event)
        #expect(BreachType.stated(in: events) == [.confidentiality, .availability])
        #expect(BreachType.stated(in: events, through: 1) == [.confidentiality])
        let metrics = try #require(IncidentMetrics.compute(events, now: StoreFixture.now))
        #expect(metrics.phase == .contain && metrics.containedAt == nil)
        #expect(try register.verify().problems.isEmpty)
    }
}
