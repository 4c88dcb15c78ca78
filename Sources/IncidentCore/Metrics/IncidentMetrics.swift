/// How fast one incident was handled, computed from its events alone.
///
/// Every duration starts at the awareness time as it now stands: a corrected `--aware-at` moves every
/// figure, and the timeline shows the `updated` event that moved it. A milestone is the last time the
/// incident reached it in the run that still holds: reopening clears what the reopened phase undoes.
public struct IncidentMetrics: Equatable, Sendable {
    public var incident: IncidentID
    public var title: String
    public var phase: Phase
    /// The awareness time after every correction, and how many corrections there were.
    public var awareAt: Timestamp
    public var awarenessCorrections: Int
    /// When it left contain (`advance` from contain).
    public var containedAt: Timestamp?
    /// When it entered restore (`advance` from remediate, or `reopen --to restore`).
    public var restoreStartedAt: Timestamp?
    /// When it was closed; nil while it is open, also after a reopening.
    public var closedAt: Timestamp?
    public var reopenings: Int
    /// Each customer ever marked affected, in the order first marked.
    public var customers: [CustomerNoticeMetrics]

    public var toContained: Int64? { containedAt.map { $0.seconds - awareAt.seconds } }
    public var toRestoreStarted: Int64? { restoreStartedAt.map { $0.seconds - awareAt.seconds } }
    public var toClosed: Int64? { closedAt.map { $0.seconds - awareAt.seconds } }
}

/// One customer's first notice: when it went out against its deadline.
public struct CustomerNoticeMetrics: Equatable, Sendable {
    public enum Status: String, Sendable, Codable {
        case onTime = "on time"
        case late, awaiting, overdue
        case ruledOut = "ruled out"
    }

    public var customer: String
    /// The deadline as it stands now: the current awareness time plus the customer's notice hours.
    public var dueBy: Timestamp
    public var firstSentAt: Timestamp?
    public var firstSentVersion: Int?
    /// The verdict fixed when the first notice was marked sent, against the deadline of that moment.
    public var onTime: Bool?
    /// The deadline that verdict was given against.
    public var dueByWhenSent: Timestamp?
    public var ruledOut: Bool
    public var status: Status

    /// Seconds from the current awareness time to the first notice.
    public func toFirstNotice(awareAt: Timestamp) -> Int64? { firstSentAt.map { $0.seconds - awareAt.seconds } }
    /// Whether the first notice meets the deadline as it stands now (it may differ from `onTime` after a
    /// correction of the awareness time).
    public var onTimeByCurrentDeadline: Bool? { firstSentAt.map { $0 <= dueBy } }
}

extension IncidentMetrics {
    /// Folds an incident's events, in their order, into its response times. `now` decides only whether a
    /// customer still waiting is overdue. Nil when the events do not start with `logged`.
    public static func compute(_ events: [IncidentEvent], now: Timestamp) -> IncidentMetrics? {
        guard let first = events.first, case .logged(let logged) = first.payload else { return nil }
        var metrics = IncidentMetrics(
            incident: first.incident, title: logged.title, phase: .investigate, awareAt: logged.awareAt, awarenessCorrections: 0,
            containedAt: nil, restoreStartedAt: nil, closedAt: nil, reopenings: 0, customers: [])
        var hours: [String: Int] = [:]
        var order: [String] = []
        var ruledOut: [String: Bool] = [:]
        var firstSent: [String: (at: Timestamp, version: Int, dueBy: Timestamp, onTime: Bool)] = [:]
        for event in events.dropFirst() {
            switch event.payload {
            case .updated(let body):
                if let title = body.title { metrics.title = title.to }
                if let aware = body.awareAt {
                    metrics.awareAt = aware.to
                    metrics.awarenessCorrections += 1
                }
            case .advanced(let body):
                metrics.phase = body.to
                if body.from == .contain { metrics.containedAt = event.occurredAt }
                if body.to == .restore { metrics.restoreStartedAt = event.occurredAt }
            case .closed:
                metrics.phase = .closed
                metrics.closedAt = event.occurredAt
            case .reopened(let body):
                metrics.phase = body.to
                metrics.reopenings += 1
                metrics.closedAt = nil
                // Back in contain (or before it): containment has to be achieved again.
                if body.to <= .contain { metrics.containedAt = nil }
                metrics.restoreStartedAt = body.to == .restore ? event.occurredAt : (body.to < .restore ? nil : metrics.restoreStartedAt)
            case .affected(let body):
                if hours[body.customer] == nil {
                    hours[body.customer] = body.noticeHours
                    order.append(body.customer)
                }
                ruledOut[body.customer] = false
            case .unaffected(let body):
                ruledOut[body.customer] = true
            case .noticeSent(let body):
                if firstSent[body.customer] == nil {
                    firstSent[body.customer] = (event.occurredAt, body.version, body.dueBy, body.onTime)
                }
            case .logged, .noticeDrafted, .customersMatched:
                break
            }
        }
        metrics.customers = order.map { slug in
            let dueBy = metrics.awareAt.adding(seconds: Int64(hours[slug] ?? 0) * 3600)
            let sent = firstSent[slug]
            let out = ruledOut[slug] ?? false
            let status: CustomerNoticeMetrics.Status =
                if let sent { sent.onTime ? .onTime : .late } else if out { .ruledOut } else if now > dueBy { .overdue } else { .awaiting }
            return CustomerNoticeMetrics(
                customer: slug, dueBy: dueBy, firstSentAt: sent?.at, firstSentVersion: sent?.version, onTime: sent?.onTime,
                dueByWhenSent: sent?.dueBy, ruledOut: out, status: status)
        }
        return metrics
    }
}
