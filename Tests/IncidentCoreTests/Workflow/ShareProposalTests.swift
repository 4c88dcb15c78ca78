import Testing

@testable import IncidentCore

@Suite("A customer's share: defaults and revisions")
struct ShareProposalTests {
    static let acme = Customer(slug: "acme", name: "Acme GmbH", emails: ["dpo@acme.example"], noticeHours: 24)
    static let contoso = Customer(slug: "contoso", name: "Contoso", emails: ["privacy@contoso.example"])

    static func incident() throws -> Incident {
        var incident = try Fixture.logged()
        var body = Updated()
        body.dataCategories = ["names", "chat-transcripts"]
        body.subjectCategories = ["end-users"]
        try incident.apply(Workflow.update(incident, with: body, context: Fixture.context))
        return incident
    }

    static func affected(_ proposals: [ShareProposal], organisation: Organisation? = nil) throws -> (Incident, [IncidentEvent]) {
        var incident = try incident()
        let directory = Directory(customers: ["acme": acme, "contoso": contoso], organisation: organisation)
        let events = try Workflow.affect(incident, proposals, directory: directory, context: Fixture.context)
        for event in events { try incident.apply(event) }
        return (incident, events)
    }

    @Test("a new share starts from the incident's categories; counts never default")
    func defaults() throws {
        let (incident, _) = try Self.affected([ShareProposal(customer: "contoso")])
        let share = try #require(incident.share(of: "contoso"))
        #expect(share.dataCategories == ["names", "chat-transcripts"])
        #expect(share.subjectCategories == ["end-users"])
        #expect(share.records == nil)
        #expect(share.subjects == nil)
    }

    @Test(
        "deadline hours: the customer's own, else the organisation's, else 48",
        arguments: [
            ("acme", nil, 24), ("contoso", 72, 72), ("contoso", nil, 48),
        ])
    func hours(customer: String, organisationHours: Int?, expected: Int) throws {
        let organisation = organisationHours.map { Organisation(name: "Us", email: "us@us.example", noticeHours: $0) }
        let (incident, _) = try Self.affected([ShareProposal(customer: customer)], organisation: organisation)
        #expect(incident.share(of: customer)?.noticeHours == expected)
    }

    @Test("a second proposal for the same customer in one batch is a revision, and events number on")
    func revisionInBatch() throws {
        let (incident, events) = try Self.affected([
            ShareProposal(customer: "acme", records: 10),
            ShareProposal(customer: "acme", dataCategories: ["names"], records: 12),
        ])
        #expect(events.map(\.number) == [3, 4])
        let share = try #require(incident.share(of: "acme"))
        #expect(share.records == 12)
        #expect(share.dataCategories == ["names", "chat-transcripts"])
    }

    @Test("an unknown customer is refused at the proposal's origin, with the way to add it")
    func unknownCustomer() throws {
        let error = #expect(throws: InputError.self) {
            _ = try Self.affected([ShareProposal(customer: "globex", origin: .row("affected.csv", line: 3))])
        }
        #expect(error?.field == "affected.csv:3")
        #expect(error?.next == .addCustomer("globex"))
    }

    @Test("a closed incident takes no shares")
    func closed() throws {
        let closed = try Fixture.incident(in: .closed)
        let directory = Directory(customers: ["acme": Self.acme])
        let error = #expect(throws: WorkflowRefusal.self) {
            _ = try Workflow.affect(closed, [ShareProposal(customer: "acme")], directory: directory, context: Fixture.context)
        }
        #expect(error?.unmet.first?.next == .reopen(closed.id))
    }
}
