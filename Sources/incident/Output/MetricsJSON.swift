import IncidentCore

/// `metrics ID --json`: one incident's milestones, the seconds from awareness to each, and its customers.
struct IncidentMetricsJSON: Encodable {
    var incident: String
    var title: String
    var phase: Phase
    var awareAt: Timestamp
    var awarenessCorrections: Int
    var reopenings: Int
    var containedAt: Timestamp?
    var restoreStartedAt: Timestamp?
    var closedAt: Timestamp?
    var secondsToContained: Int64?
    var secondsToRestoreStarted: Int64?
    var secondsToClosed: Int64?
    var customers: [Customer]

    struct Customer: Encodable {
        var customer: String
        var status: CustomerNoticeMetrics.Status
        var dueBy: Timestamp
        var firstSentAt: Timestamp?
        var firstSentVersion: Int?
        var secondsToFirstNotice: Int64?
        var onTime: Bool?
        var dueByWhenSent: Timestamp?
        var onTimeByCurrentDeadline: Bool?
    }

    init(_ m: IncidentMetrics) {
        incident = m.incident.description
        title = m.title
        phase = m.phase
        awareAt = m.awareAt
        awarenessCorrections = m.awarenessCorrections
        reopenings = m.reopenings
        containedAt = m.containedAt
        restoreStartedAt = m.restoreStartedAt
        closedAt = m.closedAt
        secondsToContained = m.toContained
        secondsToRestoreStarted = m.toRestoreStarted
        secondsToClosed = m.toClosed
        customers = m.customers.map {
            Customer(
                customer: $0.customer, status: $0.status, dueBy: $0.dueBy, firstSentAt: $0.firstSentAt,
                firstSentVersion: $0.firstSentVersion, secondsToFirstNotice: $0.toFirstNotice(awareAt: m.awareAt), onTime: $0.onTime,
                dueByWhenSent: $0.dueByWhenSent, onTimeByCurrentDeadline: $0.onTimeByCurrentDeadline)
        }
    }
}

/// `metrics --json`: the period, its medians and worst cases, and every incident in it.
struct MetricsSummaryJSON: Encodable {
    struct Figure: Encodable {
        var count: Int
        var medianSeconds: Int64
        var worstSeconds: Int64
        var worstIncident: String
        var worstCustomer: String?

        init?(_ figure: MetricsSummary.Figure?) {
            guard let figure else { return nil }
            count = figure.count
            medianSeconds = figure.median
            worstSeconds = figure.worst
            worstIncident = figure.worstIncident.description
            worstCustomer = figure.worstCustomer
        }
    }

    struct FirstNotices: Encodable {
        var onTime: Int
        var late: Int
        var overdue: Int
        var awaiting: Int
    }

    var since: Timestamp?
    var until: Timestamp?
    var incidents: Int
    var toContained: Figure?
    var toRestoreStarted: Figure?
    var toClosed: Figure?
    var toFirstNotice: Figure?
    var firstNotices: FirstNotices
    var perIncident: [IncidentMetricsJSON]

    init(_ summary: MetricsSummary, _ incidents: [IncidentMetrics]) {
        since = summary.since
        until = summary.until
        self.incidents = summary.incidents
        toContained = Figure(summary.toContained)
        toRestoreStarted = Figure(summary.toRestoreStarted)
        toClosed = Figure(summary.toClosed)
        toFirstNotice = Figure(summary.toFirstNotice)
        firstNotices = FirstNotices(onTime: summary.onTime, late: summary.late, overdue: summary.overdue, awaiting: summary.awaiting)
        perIncident = incidents.map(IncidentMetricsJSON.init)
    }
}
