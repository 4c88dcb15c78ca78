@testable import IncidentCore

/// Builds an incident's events by hand, each at a chosen time, for the metrics fold.
struct MetricsEvents {
    static let day = Timestamp.utc(year: 2026, month: 11, day: 23, hour: 0)!
    var id = IncidentID(year: 2026, number: 7)
    var events: [IncidentEvent] = []

    /// Hours as seconds, the unit of every duration.
    static func seconds(_ hours: Double) -> Int64 { Int64(hours * 3600) }

    /// `hours` after midnight UTC on 2026-11-23 (fractions allowed).
    static func at(_ hours: Double) -> Timestamp { day.adding(seconds: Int64(hours * 3600)) }

    init(awareAt hours: Double) {
        add(.logged(Logged(title: "Exposed bucket", nature: "A bucket was public", awareAt: Self.at(hours))), at: hours)
    }

    mutating func add(_ payload: EventPayload, at hours: Double) {
        events.append(
            IncidentEvent(
                incident: id, number: events.count + 1, payload: payload, actor: "alice", recordedAt: Self.at(hours),
                occurredAt: Self.at(hours)))
    }

    mutating func advance(_ from: Phase, _ to: Phase, at hours: Double) {
        add(.advanced(Advanced(from: from, to: to, note: "ok")), at: hours)
    }
    mutating func close(at hours: Double) { add(.closed(Closed(from: .restore, summary: "done")), at: hours) }
    mutating func reopen(to phase: Phase, at hours: Double) { add(.reopened(Reopened(to: phase, reason: "again")), at: hours) }

    mutating func correctAwareness(from old: Double, to new: Double, at hours: Double) {
        var body = Updated()
        body.awareAt = Change(from: Self.at(old), to: Self.at(new))
        add(.updated(body), at: hours)
    }

    mutating func affect(_ customer: String, hours: Int, at time: Double) {
        add(
            .affected(
                Affected(customer: customer, dataCategories: [], subjectCategories: [], records: nil, subjects: nil, noticeHours: hours)),
            at: time)
    }

    mutating func sent(_ customer: String, version: Int = 1, dueBy: Double, at time: Double) {
        add(
            .noticeSent(
                NoticeSent(customer: customer, version: version, via: nil, dueBy: Self.at(dueBy), onTime: Self.at(time) <= Self.at(dueBy))),
            at: time)
    }

    /// Investigate through restore, one step at each of the given times, then closed.
    mutating func fullRun(contain: Double, mitigate: Double, remediate: Double, restore: Double, close closeAt: Double) {
        advance(.investigate, .contain, at: contain)
        advance(.contain, .mitigate, at: mitigate)
        advance(.mitigate, .remediate, at: remediate)
        advance(.remediate, .restore, at: restore)
        close(at: closeAt)
    }

    func metrics(now hours: Double = 100) -> IncidentMetrics { IncidentMetrics.compute(events, now: Self.at(hours))! }
}
