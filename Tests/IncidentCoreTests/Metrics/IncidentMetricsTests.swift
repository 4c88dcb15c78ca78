import Testing

@testable import IncidentCore

@Suite struct IncidentMetricsTests {
    @Test func straightRunCountsFromAwareness() {
        var run = MetricsEvents(awareAt: 8)
        run.fullRun(contain: 9, mitigate: 10.5, remediate: 12, restore: 14, close: 32)
        let m = run.metrics()
        #expect(m.phase == .closed)
        #expect(m.toContained == 9_000)  // left contain at 10:30, 2h30m after 08:00
        #expect(m.toRestoreStarted == MetricsEvents.seconds(6))
        #expect(m.toClosed == MetricsEvents.seconds(24))
        #expect(m.reopenings == 0 && m.awarenessCorrections == 0)
    }

    @Test func openIncidentHasOnlyWhatItReached() {
        var run = MetricsEvents(awareAt: 8)
        run.advance(.investigate, .contain, at: 9)
        let m = run.metrics()
        #expect(m.containedAt == nil && m.restoreStartedAt == nil && m.closedAt == nil)
        #expect(m.phase == .contain)
    }

    @Test func correctedAwarenessMovesEveryFigureAndDeadline() {
        var run = MetricsEvents(awareAt: 8)
        run.affect("acme", hours: 24, at: 9)
        run.sent("acme", dueBy: 32, at: 31.5)  // on time against the deadline of that moment
        run.fullRun(contain: 9, mitigate: 10, remediate: 11, restore: 12, close: 20)
        run.correctAwareness(from: 8, to: 6, at: 19)  // recorded before the close; the fold takes the last value
        let m = run.metrics()
        #expect(m.awareAt == MetricsEvents.at(6))
        #expect(m.awarenessCorrections == 1)
        #expect(m.toContained == MetricsEvents.seconds(4))
        #expect(m.toClosed == MetricsEvents.seconds(14))
        let acme = m.customers[0]
        #expect(acme.dueBy == MetricsEvents.at(30))
        #expect(acme.onTime == true)  // the verdict stays as it was given
        #expect(acme.status == .onTime)
        #expect(acme.onTimeByCurrentDeadline == false)  // but the corrected deadline was missed
        #expect(acme.toFirstNotice(awareAt: m.awareAt) == MetricsEvents.seconds(25.5))
    }

    @Test func reopenedIntoContainClearsContainmentRestoreAndClose() {
        var run = MetricsEvents(awareAt: 8)
        run.fullRun(contain: 9, mitigate: 10, remediate: 11, restore: 12, close: 20)
        run.reopen(to: .contain, at: 30)
        var m = run.metrics()
        #expect(m.reopenings == 1)
        #expect(m.phase == .contain)
        #expect(m.containedAt == nil && m.restoreStartedAt == nil && m.closedAt == nil)
        run.advance(.contain, .mitigate, at: 34)
        run.advance(.mitigate, .remediate, at: 35)
        run.advance(.remediate, .restore, at: 36)
        run.close(at: 40)
        m = run.metrics()
        #expect(m.toContained == MetricsEvents.seconds(26))  // the last time it left contain
        #expect(m.toRestoreStarted == MetricsEvents.seconds(28))
        #expect(m.toClosed == MetricsEvents.seconds(32))  // the last close
    }

    @Test func reopenedIntoRestoreKeepsContainmentAndRestartsRestore() {
        var run = MetricsEvents(awareAt: 8)
        run.fullRun(contain: 9, mitigate: 10, remediate: 11, restore: 12, close: 20)
        run.reopen(to: .restore, at: 30)
        let m = run.metrics()
        #expect(m.toContained == MetricsEvents.seconds(2))
        #expect(m.restoreStartedAt == MetricsEvents.at(30))
        #expect(m.closedAt == nil)
    }

    @Test func reopenedIntoMitigateKeepsContainmentOnly() {
        var run = MetricsEvents(awareAt: 8)
        run.fullRun(contain: 9, mitigate: 10, remediate: 11, restore: 12, close: 20)
        run.reopen(to: .mitigate, at: 30)
        let m = run.metrics()
        #expect(m.containedAt == MetricsEvents.at(10))
        #expect(m.restoreStartedAt == nil)
    }

    @Test func customersByStatus() {
        var run = MetricsEvents(awareAt: 8)
        run.affect("acme", hours: 24, at: 9)
        run.affect("fabrikam", hours: 6, at: 9)
        run.affect("contoso", hours: 48, at: 9)
        run.affect("wingtip", hours: 48, at: 9)
        run.affect("tailspin", hours: 2, at: 9)
        run.sent("acme", dueBy: 32, at: 12)
        run.sent("acme", version: 2, dueBy: 32, at: 20)  // a later notice does not change the first
        run.add(.unaffected(Unaffected(customer: "contoso", reason: "not theirs")), at: 13)
        run.sent("tailspin", dueBy: 10, at: 11)
        let m = run.metrics(now: 20)
        let status = Dictionary(uniqueKeysWithValues: m.customers.map { ($0.customer, $0.status) })
        #expect(status == ["acme": .onTime, "fabrikam": .overdue, "contoso": .ruledOut, "wingtip": .awaiting, "tailspin": .late])
        #expect(m.customers.map(\.customer) == ["acme", "fabrikam", "contoso", "wingtip", "tailspin"])
        #expect(m.customers[0].firstSentVersion == 1)
        #expect(m.customers[0].toFirstNotice(awareAt: m.awareAt) == MetricsEvents.seconds(4))
    }

    @Test func eventsThatDoNotStartWithLoggedGiveNothing() {
        var run = MetricsEvents(awareAt: 8)
        run.events.removeFirst()
        #expect(IncidentMetrics.compute(run.events, now: MetricsEvents.at(9)) == nil)
    }
}
