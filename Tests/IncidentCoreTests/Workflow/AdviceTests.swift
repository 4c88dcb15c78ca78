import Testing

@testable import IncidentCore

@Suite("Recommendations, planned measures and items that cannot be determined")
struct AdviceTests {
    static let later = Fixture.now.adding(seconds: 7 * 86_400)

    static func notice(_ incident: Incident, kind: NoticeKind = .update, lastSent: NoticeVersion? = nil) -> NoticeFacts {
        NoticeFacts.build(
            incident: incident, share: incident.shares[0], customer: WithdrawalTests.customer,
            organisation: Organisation(name: "Us", email: "security@us.example"), kind: kind, version: 2, draftedAt: Fixture.now,
            checkpoint: Checkpoint(events: 2, hash: String(repeating: "a", count: 64)), lastSent: lastSent)
    }

    static func sent(_ facts: NoticeFacts) -> NoticeVersion {
        NoticeVersion(customer: "acme", version: 1, kind: .initial, template: "t", subject: "s", markdown: "m", facts: facts)
    }

    @Test("recommendations are listed in notices; a withdrawn one leaves them and is said to be withdrawn")
    func recommendations() throws {
        var incident = try WithdrawalTests.update(try WithdrawalTests.incident()) {
            $0.recommendedActions = ["Warn end users about calls quoting recent call times", "Reset agent passwords"]
        }
        let first = Self.notice(incident, kind: .initial)
        #expect(first.recommendedActions == ["Warn end users about calls quoting recent call times", "Reset agent passwords"])
        incident = try WithdrawalTests.update(incident) {
            $0.withdraw.recommendedActions = [2]
            $0.note = "Agent passwords were never exposed"
        }
        let second = Self.notice(incident, lastSent: Self.sent(first))
        #expect(second.recommendedActions == ["Warn end users about calls quoting recent call times"])
        let change = try #require(second.changes.first { $0.field == "withdrawnRecommendedActions" })
        #expect(change.afterValues == ["Reset agent passwords"])
    }

    @Test("a planned measure is shown as planned until completed, then as an action taken")
    func planned() throws {
        var incident = try WithdrawalTests.update(try WithdrawalTests.incident()) {
            $0.plannedAction = Planned(text: "Rotate every agent's session keys", targetBy: Self.later)
        }
        #expect(Self.notice(incident).plannedActions == [.init(text: "Rotate every agent's session keys", targetBy: Self.later)])
        var both = UpdateProposal()
        both.completesPlanned = 1
        both.withdraw.plannedActions = [1]
        both.note = "Dropped after all"
        #expect(throws: InputError.self) { try Workflow.update(incident, proposal: both, context: Fixture.context) }
        incident = try WithdrawalTests.update(incident) { $0.completesPlanned = 1 }
        #expect(incident.plannedActions?.first?.completedBy == incident.eventCount)
        #expect(incident.actions.last?.text == "Rotate every agent's session keys")
        let facts = Self.notice(incident)
        #expect(facts.plannedActions == [])
        #expect(facts.mitigationMeasures.map(\.text).contains("Rotate every agent's session keys"))
        var proposal = UpdateProposal()
        proposal.completesPlanned = 1
        #expect(throws: InputError.self) { try Workflow.update(incident, proposal: proposal, context: Fixture.context) }
    }

    @Test("a withdrawn category is told as withdrawn, not as a shorter list")
    func withdrawnChange() throws {
        let incident = try WithdrawalTests.incident()
        let first = Self.notice(incident, kind: .initial)
        let after = try WithdrawalTests.update(incident) {
            $0.withdraw.dataCategories = ["telephone-numbers"]
            $0.withdraw.consequences = ["1"]
            $0.withdraw.actions = [1]
            $0.note = "Reported in error"
        }
        let second = Self.notice(after, lastSent: Self.sent(first))
        #expect(second.dataCategories.map(\.slug) == ["names"])
        #expect(!second.changes.contains { $0.field == "dataCategories" })
        #expect(second.changes.first { $0.field == "withdrawnDataCategories" }?.afterValues == ["telephone-numbers"])
        #expect(second.changes.first { $0.field == "withdrawnConsequences" }?.afterValues == ["Phishing calls"])
        #expect(second.changes.first { $0.field == "withdrawnActions" }?.afterValues == ["Blocked the attacker's address"])
        #expect(second.mitigationMeasures.isEmpty)
    }

    @Test("a final notice's gaps: unknown counts fail unless recorded as cannot be determined")
    func gaps() throws {
        var incident = try WithdrawalTests.incident()
        let organisation = Organisation(name: "Us", email: "security@us.example")
        var gaps = NoticeFacts.gaps(incident: incident, share: incident.shares[0], organisation: organisation)
        #expect(gaps.contains("records"))
        #expect(gaps.contains("subjects"))
        incident = try WithdrawalTests.update(incident) {
            $0.cannotDetermine = [
                Undetermined(item: "records", reason: "Logs before 1 November were rotated"),
                Undetermined(item: "subjects", reason: "Logs before 1 November were rotated"),
            ]
        }
        gaps = NoticeFacts.gaps(incident: incident, share: incident.shares[0], organisation: organisation)
        #expect(!gaps.contains("records"))
        #expect(!gaps.contains("subjects"))
        #expect(Self.notice(incident).cannotDetermine?.map(\.item) == ["records", "subjects"])
        #expect(Undetermined.key(for: "data-categories") == "dataCategories")
        #expect(Undetermined.key(for: "colour") == nil)
    }

    @Test(
        "counts are read from a closing summary, leaving out years, dates, times and ids",
        arguments: [
            ("About 58,500 records of 12 customers", [58_500]),
            ("etwa 58.500 Datensätze", [58_500]),
            ("environ 58 500 enregistrements", [58_500]),
            ("INC-2026-0001 closed on 2026-11-30 at 14:05", []),
            ("In 2026 we saw 19750 records and 1,200 people", [19_750, 1_200]),
            ("30% of 400", [400]),
        ])
    func counts(text: String, expected: [Int]) {
        #expect(Workflow.counts(in: text) == expected)
    }

    @Test("a final notice quoting a count that is not the customer's own is flagged, unless it has a closing note")
    func foreignCounts() throws {
        var facts = try Fixture.facts()
        facts.kind = .final
        facts.records = 19_750
        facts.closingSummary = "About 58,500 records were exposed across all customers; 19,750 were yours."
        #expect(Workflow.foreignCounts(in: facts) == [58_500])
        facts.closingNote = "Your share was 19,750 of the 58,500 records."
        #expect(Workflow.foreignCounts(in: facts).isEmpty)
        var planned = [try Fixture.facts()]
        #expect(throws: InputError.self) { try Workflow.addClosingNote("n", to: &planned, incident: Fixture.id) }
    }

    @Test("a closed incident accepts items that cannot be determined, and nothing else")
    func closedIncident() throws {
        let closed = try Fixture.incident(in: .closed)
        var proposal = UpdateProposal()
        proposal.cannotDetermine = [Undetermined(item: "records", reason: "Logs were rotated")]
        let after = try closed.applying(Workflow.update(closed, proposal: proposal, context: Fixture.context))
        #expect(after.undeterminedReasons == ["records": "Logs were rotated"])
        #expect(after.isClosed)
        proposal.recommendedActions = ["Tell users"]
        #expect(throws: WorkflowRefusal.self) { try Workflow.update(closed, proposal: proposal, context: Fixture.context) }
    }
}
