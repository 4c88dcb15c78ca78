import IncidentCore

/// The text of `metrics`: milestones with the time since awareness, then one row per customer or incident.
struct MetricsText {
    let terminal: Terminal

    func incident(_ m: IncidentMetrics) -> String {
        var lines = ["\(m.incident) \"\(m.title)\" (\(m.phase))"]
        let corrected =
            m.awarenessCorrections == 0
            ? "" : " (corrected \(times(m.awarenessCorrections)); see `incident timeline \(m.incident)`)"
        lines.append("aware at       \(m.awareAt.iso8601)\(corrected)")
        func milestone(_ label: String, _ at: Timestamp?, _ after: Int64?, _ missing: String) {
            guard let at else { return lines.append("\(label)\(missing)") }
            lines.append("\(label)\(at.iso8601)  \(terminal.bold(DurationText.of(after)))  after awareness")
        }
        milestone("contained      ", m.containedAt, m.toContained, "not yet (still in \(m.phase <= .contain ? m.phase : .contain))")
        milestone("restore began  ", m.restoreStartedAt, m.toRestoreStarted, "not yet")
        milestone("closed         ", m.closedAt, m.toClosed, "not yet")
        if m.reopenings > 0 {
            lines.append("reopened \(times(m.reopenings)): the times above are from its last run")
        }
        guard !m.customers.isEmpty else { return (lines + ["", "No customer is marked affected."]).joined(separator: "\n") }
        let rows = m.customers.map { c in
            [
                c.customer, c.dueBy.iso8601, c.firstSentAt.map { "v\(c.firstSentVersion ?? 0) \($0.iso8601)" } ?? "-",
                DurationText.of(c.toFirstNotice(awareAt: m.awareAt)), statusText(c),
            ]
        }
        let table = terminal.table(
            ["CUSTOMER", "DUE BY", "FIRST NOTICE", "AFTER AWARENESS", "DEADLINE"], rows,
            style: { column, text in column == 4 ? paint(text) : text })
        return (lines + ["", table]).joined(separator: "\n")
    }

    func summary(_ s: MetricsSummary, _ incidents: [IncidentMetrics]) -> String {
        let period =
            switch (s.since, s.until) {
            case (nil, nil): "all incidents"
            case (let from?, nil): "incidents we became aware of from \(from.iso8601)"
            case (nil, let to?): "incidents we became aware of before \(to.iso8601)"
            case (let from?, let to?): "incidents we became aware of from \(from.iso8601) to before \(to.iso8601)"
            }
        guard s.incidents > 0 else { return "No incidents in the period (\(period))." }
        var lines = ["\(s.incidents) incident(s): \(period)", ""]
        func row(_ label: String, _ figure: MetricsSummary.Figure?, unit: String) -> [String] {
            guard let figure else { return [label, "0 \(unit)", "-", "-"] }
            let worstWhere = figure.worstCustomer.map { "\(figure.worstIncident), \($0)" } ?? figure.worstIncident.description
            return [label, "\(figure.count) \(unit)", DurationText.of(figure.median), "\(DurationText.of(figure.worst)) (\(worstWhere))"]
        }
        lines.append(
            terminal.table(
                ["FROM AWARENESS TO", "OVER", "MEDIAN", "WORST"],
                [
                    row("contained", s.toContained, unit: "incident(s)"),
                    row("restore began", s.toRestoreStarted, unit: "incident(s)"),
                    row("closed", s.toClosed, unit: "incident(s)"),
                    row("first notice", s.toFirstNotice, unit: "notice(s)"),
                ]))
        lines.append("")
        lines.append(
            "first notices: \(s.onTime) on time, \(s.late) late; not yet sent: \(s.overdue) overdue, \(s.awaiting) not yet due")
        lines.append("")
        let rows = incidents.map { m in
            [
                m.incident.description, m.phase.rawValue, m.awareAt.iso8601, DurationText.of(m.toContained),
                DurationText.of(m.toRestoreStarted), DurationText.of(m.toClosed), noticesText(m.customers),
            ]
        }
        lines.append(terminal.table(["ID", "PHASE", "AWARE AT", "CONTAINED", "RESTORE BEGAN", "CLOSED", "FIRST NOTICES"], rows))
        return lines.joined(separator: "\n")
    }

    private func times(_ n: Int) -> String { n == 1 ? "once" : "\(n) times" }

    private func statusText(_ c: CustomerNoticeMetrics) -> String {
        switch c.status {
        case .onTime where c.onTimeByCurrentDeadline == false:
            "on time (due then \(c.dueByWhenSent?.iso8601 ?? "?"); late against the corrected deadline)"
        case .late where c.onTimeByCurrentDeadline == true:
            "LATE (due then \(c.dueByWhenSent?.iso8601 ?? "?"); on time against the corrected deadline)"
        case .onTime: "on time"
        case .late: "LATE"
        case .overdue: "OVERDUE"
        case .awaiting: "not yet due"
        case .ruledOut: "ruled out"
        }
    }

    private func paint(_ text: String) -> String {
        text.hasPrefix("LATE") || text.hasPrefix("OVERDUE") ? terminal.red(terminal.bold(text)) : text
    }

    private func noticesText(_ customers: [CustomerNoticeMetrics]) -> String {
        guard !customers.isEmpty else { return "-" }
        let counts = [
            (CustomerNoticeMetrics.Status.onTime, "on time"), (.late, "late"), (.overdue, "overdue"), (.awaiting, "not yet due"),
            (.ruledOut, "ruled out"),
        ].compactMap { status, word in
            let n = customers.filter { $0.status == status }.count
            return n == 0 ? nil : "\(n) \(word)"
        }
        return counts.joined(separator: ", ")
    }
}
