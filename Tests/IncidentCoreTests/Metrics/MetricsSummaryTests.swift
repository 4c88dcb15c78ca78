import Testing

@testable import IncidentCore

@Suite struct MetricsSummaryTests {
    /// An incident aware at `aware` (hours into 2026-11-23), contained `contained` hours later, maybe closed.
    func incident(_ number: Int, aware: Double, contained: Double, closed: Double? = nil, notice: Double? = nil) -> IncidentMetrics {
        var run = MetricsEvents(id: IncidentID(year: 2026, number: number), aware: aware)
        run.affect("acme", hours: 24, at: aware)
        if let notice { run.sent("acme", dueBy: aware + 24, at: aware + notice) }
        run.advance(.investigate, .contain, at: aware)
        run.advance(.contain, .mitigate, at: aware + contained)
        if let closed {
            run.advance(.mitigate, .remediate, at: aware + contained)
            run.advance(.remediate, .restore, at: aware + contained)
            run.close(at: aware + closed)
        }
        return run.metrics(now: 200)
    }

    @Test func medianOfOddAndEvenCountsAndTheWorstCase() {
        let three = [
            incident(1, aware: 1, contained: 2), incident(2, aware: 2, contained: 6), incident(3, aware: 3, contained: 4),
        ]
        var s = MetricsSummary.of(three, since: nil, until: nil)
        #expect(s.toContained?.median == MetricsEvents.seconds(4))
        #expect(s.toContained?.worst == MetricsEvents.seconds(6))
        #expect(s.toContained?.worstIncident == IncidentID(year: 2026, number: 2))
        #expect(s.toClosed == nil)
        s = MetricsSummary.of(Array(three.prefix(2)), since: nil, until: nil)
        #expect(s.toContained?.median == MetricsEvents.seconds(4))  // (2h + 6h) / 2
        #expect(s.toContained?.count == 2)
    }

    @Test func firstNoticesAreCountedPerCustomer() {
        let all = [
            incident(1, aware: 1, contained: 2, notice: 3), incident(2, aware: 2, contained: 2, notice: 30),
            incident(3, aware: 3, contained: 2),
        ]
        let s = MetricsSummary.of(all, since: nil, until: nil)
        #expect(s.toFirstNotice?.count == 2)
        #expect(s.toFirstNotice?.worst == MetricsEvents.seconds(30))
        #expect(s.toFirstNotice?.worstCustomer == "acme")
        #expect(s.onTime == 1 && s.late == 1 && s.overdue == 1 && s.awaiting == 0)
    }

    @Test func periodIsByCurrentAwarenessSinceInclusiveUntilExclusive() {
        let all = [incident(1, aware: 1, contained: 2), incident(2, aware: 2, contained: 2), incident(3, aware: 3, contained: 2)]
        let chosen = MetricsSummary.inPeriod(all, since: MetricsEvents.at(2), until: MetricsEvents.at(3))
        #expect(chosen.map(\.incident.number) == [2])
    }
}

extension MetricsEvents {
    init(id: IncidentID, aware: Double) {
        self.id = id
        add(.logged(Logged(title: "Exposed bucket", nature: "A bucket was public", awareAt: Self.at(aware))), at: aware)
    }
}
