import Testing

@testable import IncidentCore

@Suite("Planning notices: who gets which, numbered how")
struct NoticePlanningTests {
    static let acme = Customer(slug: "acme", name: "Acme GmbH", emails: ["dpo@acme.example"], language: "de")
    static let contoso = Customer(slug: "contoso", name: "Contoso", emails: ["privacy@contoso.example"])
    static let directory = Directory(
        customers: ["acme": acme, "contoso": contoso],
        organisation: Organisation(name: "Us", email: "security@us.example"))
    static let head = Checkpoint(events: 7, hash: String(repeating: "b", count: 64))

    static func incident() throws -> Incident {
        var incident = try Fixture.logged()
        for event in try Workflow.affect(
            incident, [ShareProposal(customer: "acme"), ShareProposal(customer: "contoso")],
            directory: directory, context: Fixture.context)
        {
            try incident.apply(event)
        }
        return incident
    }

    static func version(_ facts: NoticeFacts) -> NoticeVersion {
        NoticeVersion(
            customer: facts.customer.slug, version: facts.version, kind: facts.kind, template: "t", subject: "s",
            markdown: "m", facts: facts)
    }

    @Test("each customer once, in the order given, with the snapshot's head as the register reference")
    func plan() throws {
        let incident = try Self.incident()
        let planned = try Workflow.planNotices(
            incident, customers: ["contoso", "acme", "contoso"], directory: Self.directory,
            requested: nil, checkpoint: Self.head, lastSent: [:], now: Fixture.now)
        #expect(planned.map(\.customer.slug) == ["contoso", "acme"])
        #expect(planned.allSatisfy { $0.kind == .initial && $0.version == 1 && $0.registerReference == Self.head })
        #expect(planned[1].customer.language == "de")
    }

    @Test("drafted events number on from the incident without being applied")
    func draftNumbers() throws {
        let incident = try Self.incident()
        let planned = try Workflow.planNotices(
            incident, customers: ["acme", "contoso"], directory: Self.directory,
            requested: nil, checkpoint: Self.head, lastSent: [:], now: Fixture.now)
        let events = try Workflow.draft(incident, planned.map(Self.version), context: Fixture.context)
        #expect(events.map(\.number) == [incident.eventCount + 1, incident.eventCount + 2])
    }

    @Test("a version that is not the next one is refused")
    func staleVersion() throws {
        let incident = try Self.incident()
        var planned = try Workflow.planNotices(
            incident, customers: ["acme"], directory: Self.directory, requested: nil,
            checkpoint: Self.head, lastSent: [:], now: Fixture.now)
        planned[0].version = 2
        #expect(throws: WorkflowRefusal.self) { _ = try Workflow.draft(incident, planned.map(Self.version), context: Fixture.context) }
    }

    @Test("a customer not affected, or ruled out, gets no notice")
    func notNoticeable() throws {
        var incident = try Self.incident()
        let error = #expect(throws: InputError.self) {
            _ = try Workflow.planNotices(
                incident, customers: ["globex"], directory: Self.directory, requested: nil,
                checkpoint: Self.head, lastSent: [:], now: Fixture.now)
        }
        #expect(error?.next == .affect(incident.id, customer: "globex"))
        try incident.apply(Workflow.unaffect(incident, customer: "acme", reason: "other cluster", context: Fixture.context))
        #expect(throws: WorkflowRefusal.self) {
            _ = try Workflow.planNotices(
                incident, customers: ["acme"], directory: Self.directory, requested: nil,
                checkpoint: Self.head, lastSent: [:], now: Fixture.now)
        }
        #expect(CustomerSelection.all.recipients(in: incident) == ["contoso"])
    }

    @Test("--all with nobody to notify is refused; one named customer is taken as given")
    func selection() throws {
        let incident = try Fixture.logged()
        let error = #expect(throws: InputError.self) { _ = try CustomerSelection.all.draftRecipients(in: incident) }
        #expect(error?.field == .customerChoice)
        #expect(try CustomerSelection.one("acme").draftRecipients(in: incident) == ["acme"])
    }

    @Test("unknown items are worked out without drafting, and agree with a drafted notice's")
    func unknownItems() throws {
        let incident = try Self.incident()
        let found = Workflow.unknownNoticeItems(incident, directory: Self.directory)
        #expect(found.map(\.customer) == ["acme", "contoso"])
        #expect(found[0].unknown == ["dataCategories", "subjectCategories", "consequences", "remediationActions", "mitigationMeasures"])
        let planned = try Workflow.planNotices(
            incident, customers: ["acme"], directory: Self.directory, requested: nil,
            checkpoint: Self.head, lastSent: [:], now: Fixture.now)
        #expect(planned[0].unknownItems == found[0].unknown)
        let noContact = Workflow.unknownNoticeItems(incident, directory: Directory(customers: Self.directory.customers))
        #expect(noContact[0].unknown.last == "contact")
    }
}
