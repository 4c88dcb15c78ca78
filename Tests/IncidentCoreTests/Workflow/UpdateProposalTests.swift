import Testing

@testable import IncidentCore

@Suite("What an update adds and corrects")
struct UpdateProposalTests {
    static func incident() throws -> Incident {
        var incident = try Fixture.logged()
        var body = Updated()
        body.dataCategories = ["names"]
        body.systems = ["voice-gateway"]
        body.records = Change(from: nil, to: 100)
        try incident.apply(Workflow.update(incident, with: body, context: Fixture.context))
        return incident
    }

    @Test("known facts are dropped; only what is new is recorded, each once")
    func onlyNew() throws {
        var proposal = UpdateProposal()
        proposal.facts.dataCategories = ["names", "email-addresses", "email-addresses"]
        proposal.facts.systems = ["voice-gateway"]
        let body = Workflow.changes(to: try Self.incident(), proposal: proposal)
        #expect(body.dataCategories == ["email-addresses"])
        #expect(body.systems.isEmpty)
    }

    @Test("a correction keeps the value it replaces; restating a value records nothing")
    func corrections() throws {
        let incident = try Self.incident()
        var proposal = UpdateProposal()
        proposal.facts.records = 250
        proposal.title = incident.title
        proposal.severity = .critical
        let body = Workflow.changes(to: incident, proposal: proposal)
        #expect(body.records == Change(from: 100, to: 250))
        #expect(body.title == nil)
        #expect(body.severity == Change(from: .high, to: .critical))
    }

    @Test(
        "an action's kind comes from the phase unless given",
        arguments: [
            (Phase.investigate, nil, ActionKind.containment), (.contain, nil, .containment), (.mitigate, nil, .mitigation),
            (.remediate, nil, .remediation), (.restore, nil, .restoration), (.contain, ActionKind.mitigation, .mitigation),
        ])
    func actionKind(phase: Phase, given: ActionKind?, expected: ActionKind) throws {
        let incident = try Fixture.incident(in: phase)
        var proposal = UpdateProposal()
        proposal.action = "did it"
        proposal.actionKind = given
        let event = try Workflow.update(incident, proposal: proposal, context: Fixture.context)
        guard case .updated(let body) = event.payload else {
            Issue.record("not an update")
            return
        }
        #expect(body.action == ActionTaken(text: "did it", kind: expected, phase: phase))
    }

    @Test("a proposal with nothing new is refused naming the update")
    func nothingNew() throws {
        let incident = try Self.incident()
        var proposal = UpdateProposal()
        proposal.facts.dataCategories = ["names"]
        let error = #expect(throws: InputError.self) { _ = try Workflow.update(incident, proposal: proposal, context: Fixture.context) }
        #expect(error?.field == .update)
    }

    @Test("facts are checked against the rules with their field")
    func factsChecked() {
        let error = #expect(throws: InputError.self) {
            _ = try ProposedFacts(
                systems: [], regions: [], dataCategories: ["emial"], subjectCategories: [], consequences: [],
                records: nil, subjects: nil)
        }
        #expect(error?.field == .dataCategory)
        #expect(error?.problem.contains("email-addresses") == true)
        let negative = #expect(throws: InputError.self) {
            _ = try ProposedFacts(
                systems: [], regions: [], dataCategories: [], subjectCategories: [], consequences: [],
                records: "-1", subjects: nil)
        }
        #expect(negative?.field == .records)
    }
}
