import Testing

@testable import IncidentCore

@Suite("Withdrawing what was recorded in error")
struct WithdrawalTests {
    static let customer = Customer(slug: "acme", name: "Acme GmbH", emails: ["dpo@acme.example"], timeZone: "Europe/Berlin")
    static let directory = Directory(customers: ["acme": customer])

    /// A logged incident with two categories, two consequences, one action and acme affected.
    static func incident() throws -> Incident {
        var incident = try Fixture.logged()
        var proposal = UpdateProposal()
        proposal.facts.dataCategories = ["names", "telephone-numbers"]
        proposal.facts.subjectCategories = ["end-users"]
        proposal.facts.consequences = ["Phishing calls", "Account takeover"]
        proposal.action = "Blocked the attacker's address"
        incident = try incident.applying(Workflow.update(incident, proposal: proposal, context: Fixture.context))
        for event in try Workflow.affect(incident, [ShareProposal(customer: "acme")], directory: directory, context: Fixture.context) {
            try incident.apply(event)
        }
        return incident
    }

    static func update(_ incident: Incident, _ change: (inout UpdateProposal) -> Void) throws -> Incident {
        var proposal = UpdateProposal()
        change(&proposal)
        return try incident.applying(Workflow.update(incident, proposal: proposal, context: Fixture.context))
    }

    @Test("a withdrawn category leaves the incident and every share; the event keeps it")
    func category() throws {
        let before = try Self.incident()
        var proposal = UpdateProposal()
        proposal.withdraw.dataCategories = ["telephone-numbers"]
        proposal.note = "Only names were in the exported table"
        let event = try Workflow.update(before, proposal: proposal, context: Fixture.context)
        guard case .updated(let body) = event.payload else {
            Issue.record("not an update")
            return
        }
        #expect(body.withdrawn?.dataCategories == ["telephone-numbers"])
        let after = try before.applying(event)
        #expect(after.dataCategories == ["names"])
        #expect(after.shares[0].dataCategories == ["names"])
        #expect(after.notes.last?.text == "Only names were in the exported table")
    }

    @Test("a consequence is withdrawn by its number or its text")
    func consequence() throws {
        let byNumber = try Self.update(try Self.incident()) {
            $0.withdraw.consequences = ["2"]
            $0.note = "No account was taken over"
        }
        #expect(byNumber.consequences == ["Phishing calls"])
        let byText = try Self.update(try Self.incident()) {
            $0.withdraw.consequences = ["Phishing calls"]
            $0.note = "Wrong incident"
        }
        #expect(byText.consequences == ["Account takeover"])
    }

    @Test("a withdrawn action stays listed, is marked, and no longer counts for the phase")
    func action() throws {
        let after = try Self.update(try Self.incident()) {
            $0.withdraw.actions = [1]
            $0.note = "That block was on another tenant"
        }
        #expect(after.actions.count == 1)
        #expect(after.withdrawnActionNumbers == [1])
        #expect(after.standingActions.isEmpty)
        #expect(after.withdrawnActions?.first?.withdrawal.reason == "That block was on another tenant")
    }

    @Test("a withdrawal without a reason is refused")
    func needsReason() throws {
        let incident = try Self.incident()
        var proposal = UpdateProposal()
        proposal.withdraw.dataCategories = ["names"]
        #expect(throws: InputError.self) { try Workflow.update(incident, proposal: proposal, context: Fixture.context) }
    }

    @Test(
        "withdrawing something never recorded is refused with its field",
        arguments: [
            (WithdrawalProposal.with { $0.dataCategories = ["ip-addresses"] }, Field.withdrawnDataCategory),
            (WithdrawalProposal.with { $0.subjectCategories = ["administrators"] }, Field.withdrawnSubjectCategory),
            (WithdrawalProposal.with { $0.consequences = ["7"] }, Field.withdrawnConsequence),
            (WithdrawalProposal.with { $0.consequences = ["Data sold"] }, Field.withdrawnConsequence),
            (WithdrawalProposal.with { $0.actions = [2] }, Field.withdrawnAction),
            (WithdrawalProposal.with { $0.recommendedActions = [1] }, Field.withdrawnRecommendation),
            (WithdrawalProposal.with { $0.plannedActions = [1] }, Field.withdrawnPlannedAction),
        ])
    func neverRecorded(withdraw: WithdrawalProposal, field: Field) throws {
        let incident = try Self.incident()
        var proposal = UpdateProposal()
        proposal.withdraw = withdraw
        proposal.note = "reason"
        let error = try #require(throws: InputError.self) { try Workflow.update(incident, proposal: proposal, context: Fixture.context) }
        #expect(error.field == field)
        #expect(!error.problem.contains("\n"))
    }

    @Test("an action withdrawn twice is refused the second time")
    func twice() throws {
        let once = try Self.update(try Self.incident()) {
            $0.withdraw.actions = [1]
            $0.note = "wrong"
        }
        var proposal = UpdateProposal()
        proposal.withdraw.actions = [1]
        proposal.note = "again"
        #expect(throws: InputError.self) { try Workflow.update(once, proposal: proposal, context: Fixture.context) }
    }

    @Test("one customer's share loses a category; the incident keeps it")
    func share() throws {
        let incident = try Self.incident()
        var proposal = ShareProposal(customer: "acme")
        proposal.withdraw.dataCategories = ["telephone-numbers"]
        proposal.reason = "Acme does not store phone numbers with us"
        var after = incident
        for event in try Workflow.affect(incident, [proposal], directory: Self.directory, context: Fixture.context) {
            try after.apply(event)
        }
        #expect(after.shares[0].dataCategories == ["names"])
        #expect(after.dataCategories == ["names", "telephone-numbers"])
        proposal.reason = nil
        #expect(throws: InputError.self) { try Workflow.affect(incident, [proposal], directory: Self.directory, context: Fixture.context) }
        proposal.reason = "r"
        proposal.withdraw.dataCategories = ["ip-addresses"]
        #expect(throws: InputError.self) { try Workflow.affect(incident, [proposal], directory: Self.directory, context: Fixture.context) }
    }

    @Test("a ruled-out customer's share cannot lose a category: the revision would bring it back in")
    func ruledOutShare() throws {
        var incident = try Self.incident()
        try incident.apply(Workflow.unaffect(incident, customer: "acme", reason: "Not a VoIP customer", context: Fixture.context))
        var proposal = ShareProposal(customer: "acme")
        proposal.withdraw.dataCategories = ["telephone-numbers"]
        proposal.reason = "Acme does not store phone numbers with us"
        #expect(throws: InputError.self) { try Workflow.affect(incident, [proposal], directory: Self.directory, context: Fixture.context) }
        #expect(incident.share(of: "acme")?.ruledOut != nil)
    }

    @Test("replay refuses a withdrawal of an action that does not exist")
    func replayRefuses() throws {
        let incident = try Self.incident()
        var body = Updated()
        body.note = "forged"
        body.withdrawn = Withdrawn(actions: [5])
        let event = try Workflow.update(incident, with: body, context: Fixture.context)
        #expect(throws: ReplayError.self) { try incident.applying(event) }
    }

    @Test("a withdrawal survives the canonical JSON round trip, and an old body without it still decodes")
    func payload() throws {
        var body = Updated()
        body.note = "n"
        body.withdrawn = Withdrawn(dataCategories: ["names"], actions: [1])
        let text = try EventPayload.updated(body).encodedBody()
        #expect(try EventPayload.decode(type: "updated", body: text) == .updated(body))
        let old = #"{"consequences":[],"dataCategories":[],"note":"n","regions":[],"subjectCategories":[],"systems":[]}"#
        guard case .updated(let decoded) = try EventPayload.decode(type: "updated", body: old) else { return }
        #expect(decoded.withdrawn == nil)
        #expect(try EventPayload.updated(decoded).encodedBody() == old)
    }
}

extension WithdrawalProposal {
    static func with(_ change: (inout WithdrawalProposal) -> Void) -> WithdrawalProposal {
        var proposal = WithdrawalProposal()
        change(&proposal)
        return proposal
    }
}

extension Field: CustomTestStringConvertible {
    public var testDescription: String { name }
}
