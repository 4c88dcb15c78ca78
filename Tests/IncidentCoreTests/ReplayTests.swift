import Testing

@testable import IncidentCore

@Suite("Folding events into state")
struct ReplayTests {
    @Test("an event out of order is rejected")
    func numbering() throws {
        let incident = try Fixture.logged()
        var body = Updated()
        body.note = "n"
        var event = try Workflow.update(incident, with: body, context: Fixture.context)
        event.number = 3
        #expect(throws: ReplayError.self) { _ = try incident.applying(event) }
    }

    @Test("an advance that does not follow the current phase is rejected")
    func skipping() throws {
        let incident = try Fixture.logged()
        let event = IncidentEvent(
            incident: incident.id, number: 2, payload: .advanced(Advanced(from: .investigate, to: .mitigate, note: "skip")),
            actor: "mallory", recordedAt: Fixture.now, occurredAt: Fixture.now)
        #expect(throws: ReplayError.self) { _ = try incident.applying(event) }
    }

    @Test("corrections replace a value and keep lists free of repeats")
    func corrections() throws {
        var incident = try Fixture.logged()
        var body = Updated()
        body.records = Change(from: nil, to: 1200)
        body.dataCategories = ["email-addresses", "names"]
        incident = try incident.applying(Workflow.update(incident, with: body, context: Fixture.context))
        body = Updated()
        body.records = Change(from: 1200, to: 5400)
        body.dataCategories = ["names", "chat-transcripts"]
        incident = try incident.applying(Workflow.update(incident, with: body, context: Fixture.context))
        #expect(incident.records == 5400)
        #expect(incident.dataCategories == ["email-addresses", "names", "chat-transcripts"])
        #expect(incident.eventCount == 3)
    }

    @Test("payloads survive the trip through their stored JSON", arguments: EventPayload.types)
    func payloadRoundTrip(type: String) throws {
        var updated = Updated()
        updated.note = "Läuft: \"quoted\", <b>"
        updated.severity = Change(from: .low, to: .critical)
        updated.awareAt = Change(from: Fixture.now, to: Fixture.now.adding(seconds: -60))
        let payloads: [String: EventPayload] = [
            "logged": .logged(
                Logged(
                    title: "t", nature: "n", awareAt: Fixture.now, records: 3,
                    subprocessor: SubprocessorOrigin(slug: "twilio", notifiedAt: Fixture.now, notifyHours: 24))),
            "updated": .updated(updated),
            "advanced": .advanced(Advanced(from: .contain, to: .mitigate, note: "n")),
            "closed": .closed(Closed(from: .restore, summary: "s")),
            "reopened": .reopened(Reopened(to: .contain, reason: "r")),
            "customer-affected": .affected(
                Affected(
                    customer: "acme", dataCategories: ["names"], subjectCategories: [], records: 4,
                    subjects: nil, noticeHours: 48)),
            "customer-unaffected": .unaffected(Unaffected(customer: "acme", reason: "no data of theirs in the bucket")),
            "notice-drafted": .noticeDrafted(
                NoticeVersion(
                    customer: "acme", version: 1, kind: .initial, template: "en/initial",
                    subject: "s", markdown: "# m", facts: try Fixture.facts())),
            "notice-sent": .noticeSent(NoticeSent(customer: "acme", version: 1, via: "email", dueBy: Fixture.now, onTime: true)),
            "customers-matched": .customersMatched(
                CustomersMatched(subprocessor: "twilio", regions: ["eu"], services: ["voip"], customers: ["acme"], alreadyAffected: [])),
        ]
        #expect(Set(payloads.keys) == Set(EventPayload.types))
        let payload = try #require(payloads[type])
        let body = try payload.encodedBody()
        #expect(try EventPayload.decode(type: type, body: body) == payload)
        #expect(try payload.encodedBody() == body, "encoding is deterministic")
    }
}
