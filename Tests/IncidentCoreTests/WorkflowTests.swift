import Testing

@testable import IncidentCore

@Suite("Workflow engine")
struct WorkflowTests {
    @Test("a new incident starts in investigate with event number 1")
    func startsInInvestigate() throws {
        let incident = try Fixture.logged()
        #expect(incident.phase == .investigate)
        #expect(incident.eventCount == 1)
        #expect(incident.openedBy == "alice")
    }

    @Test(
        "advance moves exactly one phase forward once the criteria are met",
        arguments: [
            (Phase.investigate, Phase.contain), (.contain, .mitigate), (.mitigate, .remediate), (.remediate, .restore),
        ])
    func advancesOneStep(from: Phase, to: Phase) throws {
        var incident = try Fixture.incident(in: from)
        if from != .investigate { incident = try Fixture.action(incident) }
        let event = try Workflow.advance(incident, note: "ready", context: Fixture.context)
        #expect(event.payload == .advanced(Advanced(from: from, to: to, note: "ready")))
        #expect(try incident.applying(event).phase == to)
    }

    @Test("leaving a working phase without an action in it is refused", arguments: [Phase.contain, .mitigate, .remediate, .restore])
    func refusesWithoutAction(phase: Phase) throws {
        let incident = try Fixture.incident(in: phase)
        let step = phase == .restore ? "close" : "advance"
        let error = #expect(throws: WorkflowRefusal.self) {
            if phase == .restore {
                _ = try Workflow.close(incident, summary: "done", context: Fixture.context)
            } else {
                _ = try Workflow.advance(incident, note: "n", context: Fixture.context)
            }
        }
        #expect(error?.step == step)
        #expect(error?.unmet.count == 1)
        #expect(error?.unmet.first?.reason == "no action is recorded in \(phase)")
        #expect(error?.unmet.first?.next == .recordAction(incident.id))
    }

    @Test("an action recorded in an earlier phase does not satisfy a later one")
    func actionsCountPerPhase() throws {
        var incident = try Fixture.incident(in: .contain)
        incident = try Fixture.action(incident)
        incident = try Fixture.advance(incident)
        #expect(incident.phase == .mitigate)
        #expect(Workflow.unmetExitCriteria(incident).count == 1)
    }

    @Test("leaving investigate needs the nature stated")
    func investigateNeedsNature() throws {
        let incident = try Fixture.logged(nature: "   ")
        let error = #expect(throws: WorkflowRefusal.self) {
            _ = try Workflow.advance(incident, note: "n", context: Fixture.context)
        }
        #expect(error?.unmet.first?.reason.contains("nature") == true)
        #expect(error?.unmet.first?.next == .stateNature(incident.id))
    }

    @Test("restore cannot advance; it can only close")
    func restoreDoesNotAdvance() throws {
        let incident = try Fixture.action(Fixture.incident(in: .restore))
        let error = #expect(throws: WorkflowRefusal.self) { _ = try Workflow.advance(incident, note: "n", context: Fixture.context) }
        #expect(error?.unmet.first?.next == .close(incident.id))
        let closed = try incident.applying(Workflow.close(incident, summary: "All restored", context: Fixture.context))
        #expect(closed.phase == .closed)
        #expect(closed.closingSummary == "All restored")
        #expect(closed.closedAt == Fixture.now)
    }

    @Test("close is refused from every phase but restore", arguments: [Phase.investigate, .contain, .mitigate, .remediate, .closed])
    func closeOnlyFromRestore(phase: Phase) throws {
        var incident = try Fixture.incident(in: phase)
        if phase != .investigate && phase != .closed { incident = try Fixture.action(incident) }
        #expect(throws: WorkflowRefusal.self) { _ = try Workflow.close(incident, summary: "s", context: Fixture.context) }
    }

    @Test("a closed incident refuses advance and update until reopened")
    func closedRefusesChanges() throws {
        let closed = try Fixture.incident(in: .closed)
        #expect(throws: WorkflowRefusal.self) { _ = try Workflow.advance(closed, note: "n", context: Fixture.context) }
        var body = Updated()
        body.note = "late news"
        let error = #expect(throws: WorkflowRefusal.self) { _ = try Workflow.update(closed, with: body, context: Fixture.context) }
        #expect(error?.unmet.first?.next == .reopen(closed.id))
    }

    @Test("reopen brings a closed incident back to the phase named", arguments: Phase.working)
    func reopens(to phase: Phase) throws {
        let closed = try Fixture.incident(in: .closed)
        let reopened = try closed.applying(Workflow.reopen(closed, to: phase, reason: "new evidence", context: Fixture.context))
        #expect(reopened.phase == phase)
        #expect(reopened.closedAt == nil && reopened.closingSummary == nil)
        if phase != .investigate {
            // Actions from before the reopen do not count: the phase must be worked again.
            #expect(!Workflow.unmetExitCriteria(reopened).isEmpty)
        }
    }

    @Test("reopen is refused for an open incident", arguments: Phase.working)
    func reopenNeedsClosed(phase: Phase) throws {
        let incident = try Fixture.incident(in: phase)
        #expect(throws: WorkflowRefusal.self) { _ = try Workflow.reopen(incident, to: .investigate, reason: "r", context: Fixture.context) }
    }

    @Test("reopen to closed is invalid data")
    func reopenToClosed() throws {
        let closed = try Fixture.incident(in: .closed)
        #expect(throws: InputError.self) { _ = try Workflow.reopen(closed, to: .closed, reason: "r", context: Fixture.context) }
    }

    @Test("an update with nothing in it is refused")
    func emptyUpdate() throws {
        #expect(throws: InputError.self) { _ = try Workflow.update(Fixture.logged(), with: Updated(), context: Fixture.context) }
    }

    @Test("times in the future are refused beyond the tolerance")
    func futureTimes() throws {
        let soon = Fixture.now.adding(seconds: Workflow.futureTolerance)
        let late = Fixture.now.adding(seconds: Workflow.futureTolerance + 1)
        _ = try Workflow.log(Logged(title: "t", nature: "n", awareAt: soon), id: Fixture.id, context: Fixture.context)
        let error = #expect(throws: InputError.self) {
            _ = try Workflow.log(Logged(title: "t", nature: "n", awareAt: late), id: Fixture.id, context: Fixture.context)
        }
        #expect(error?.field == .awareAt)
    }

    @Test("an occurrence window that ends before it starts is refused")
    func windowOrder() {
        let body = Logged(
            title: "t", nature: "n", awareAt: Fixture.now, occurredFrom: Fixture.now, occurredTo: Fixture.now.adding(seconds: -60))
        #expect(throws: InputError.self) { _ = try Workflow.log(body, id: Fixture.id, context: Fixture.context) }
    }

    @Test("default action kind follows the phase")
    func defaultKinds() {
        #expect(Phase.investigate.defaultActionKind == .containment)
        #expect(Phase.contain.defaultActionKind == .containment)
        #expect(Phase.mitigate.defaultActionKind == .mitigation)
        #expect(Phase.remediate.defaultActionKind == .remediation)
        #expect(Phase.restore.defaultActionKind == .restoration)
    }

    @Test("an action must be recorded in the incident's current phase")
    func actionPhaseMatches() throws {
        let incident = try Fixture.incident(in: .contain)
        var body = Updated()
        body.action = ActionTaken(text: "x", kind: .mitigation, phase: .mitigate)
        #expect(throws: InputError.self) { _ = try Workflow.update(incident, with: body, context: Fixture.context) }
    }
}

@Suite("Deadlines")
struct DeadlineTests {
    @Test("a deadline is awareness plus whole hours in UTC, whatever daylight saving does in the customer's zone")
    func daylightSaving() {
        // Europe/Berlin moves its clocks forward on 2026-03-29 at 01:00 UTC; the 24 hours still end 24 hours later.
        let aware = Timestamp.utc(year: 2026, month: 3, day: 28, hour: 12)!
        let share = CustomerShare(
            customer: "acme", dataCategories: [], subjectCategories: [], records: nil, subjects: nil,
            noticeHours: 24, affectedAt: aware)
        #expect(share.dueBy(awareAt: aware).iso8601 == "2026-03-29T12:00:00Z")
        #expect(share.isOverdue(awareAt: aware, now: aware.adding(seconds: 24 * 3600 + 1)))
        #expect(!share.isOverdue(awareAt: aware, now: aware.adding(seconds: 24 * 3600)))
    }
}
