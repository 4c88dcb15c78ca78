import Foundation
import IncidentCore
import PostgresNIO

extension PostgresRegister {

    public func possibleDuplicates(of body: Logged) throws -> [LoggedIncident] {
        try read { DuplicateRule.duplicates(of: body, among: try duplicateCandidates(awareAt: body.awareAt)) }
    }

    /// Incidents with this awareness time: what a new one might repeat.
    func duplicateCandidates(awareAt: Timestamp) throws -> [LoggedIncident] {
        try session.query("SELECT id, title, aware_at FROM incidents WHERE aware_at = $1", [.text(awareAt.iso8601)]).map { row in
            LoggedIncident(id: try Stored.id(try row.text(0)), title: try row.text(1), awareAt: try Stored.time(try row.text(2)))
        }
    }

    /// A team's register is never a practice register: a pinned clock is refused on it.
    public func isPractice() throws -> Bool { false }

    public func incident(_ id: IncidentID) throws -> Incident {
        guard let incident = try read({ try PostgresProjection.incident(id, in: session) }) else {
            throw StoreError.notFound(id: id.description)
        }
        return incident
    }

    public func directory() throws -> Directory {
        try read { try PostgresProjection.directory(in: session) }
    }

    public func head() throws -> Checkpoint {
        try read { try eventsHead() }
    }

    func eventsHead() throws -> Checkpoint {
        guard let row = try session.query("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").first else {
            return Checkpoint(events: 0, hash: HashChain.genesis)
        }
        return Checkpoint(events: Int64(try row.int(0)), hash: try row.text(1))
    }

    public func hash(at sequence: Int64) throws -> String? {
        try read { try session.query("SELECT hash FROM events WHERE seq = $1", [.int(sequence)]).first?.text(0) }
    }

    public func list(_ filter: ListFilter) throws -> [IncidentSummary] {
        var clauses: [String] = []
        var values: [PostgresSession.Value] = []
        func parameter(_ value: PostgresSession.Value) -> String {
            values.append(value)
            return "$\(values.count)"
        }
        if let phase = filter.phase { clauses.append("phase = \(parameter(.text(phase.rawValue)))") }
        if let severity = filter.severity { clauses.append("severity = \(parameter(.text(severity.rawValue)))") }
        switch filter.state {
        case .any: break
        case .open: clauses.append("phase <> 'closed'")
        case .closed: clauses.append("phase = 'closed'")
        }
        if let overdueAt = filter.overdueAt {
            clauses.append(
                "id IN (SELECT incident_id FROM shares WHERE first_sent IS NULL AND ruled_out IS NULL AND due_by < \(parameter(.text(overdueAt.iso8601))))"
            )
        }
        if let at = filter.mayOweNoticeAt {
            clauses.append(ListFilter.mayOweNoticeSQL.replacingOccurrences(of: "?", with: parameter(.text(at.iso8601))))
        }
        let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let sql = """
            SELECT id, title, severity, phase, aware_at, updated_at, source, records, subjects
            FROM incidents \(whereClause) ORDER BY aware_at DESC, year DESC, number DESC \(filter.limit.map { "LIMIT \($0)" } ?? "")
            """
        return try read {
            try session.query(sql, values).map { row in
                IncidentSummary(
                    id: try Stored.id(try row.text(0)), title: try row.text(1),
                    severity: try Stored.value(Severity.self, try row.text(2)), phase: try Stored.value(Phase.self, try row.text(3)),
                    awareAt: try Stored.time(try row.text(4)), updatedAt: try Stored.time(try row.text(5)),
                    source: try row.text(6), records: try row.optionalInt(7), subjects: try row.optionalInt(8))
            }
        }
    }

    public func timeline(_ id: IncidentID) throws -> [TimelineEntry] {
        try read {
            let entries = try session.query(
                "SELECT \(Self.eventColumns) FROM events WHERE incident_id = $1 ORDER BY incident_seq",
                [.text(id.description)]
            ).map { row in
                let (content, hash) = try Self.content(row)
                let event: IncidentEvent
                do { event = try EventLog.event(content) } catch {
                    throw StoreError.damaged(reason: "event \(content.seq) cannot be read: \(error)")
                }
                return TimelineEntry(sequence: content.seq, event: event, hash: hash)
            }
            if entries.isEmpty { throw StoreError.notFound(id: id.description) }
            return entries
        }
    }

    public func noticeSnapshot(_ id: IncidentID) throws -> NoticeSnapshot {
        try read {
            guard let incident = try PostgresProjection.incident(id, in: session) else { throw StoreError.notFound(id: id.description) }
            return NoticeSnapshot(
                incident: incident, directory: try PostgresProjection.directory(in: session), head: try eventsHead(),
                lastSent: try lastSent(id))
        }
    }

    public func dueState(_ id: IncidentID) throws -> (incident: Incident, lastSent: [String: NoticeVersion]) {
        try read {
            guard let incident = try PostgresProjection.incident(id, in: session) else { throw StoreError.notFound(id: id.description) }
            return (incident, try lastSent(id))
        }
    }

    /// Each customer's last version marked sent, inside a read.
    private func lastSent(_ id: IncidentID) throws -> [String: NoticeVersion] {
        var lastSent: [String: NoticeVersion] = [:]
        for row in try session.query(
            """
            SELECT \(PostgresProjection.noticeColumns) FROM notices n
            JOIN shares s ON s.incident_id = n.incident_id AND s.customer = n.customer AND s.last_sent_version = n.version
            WHERE n.incident_id = $1
            """, [.text(id.description)])
        {
            let notice = try PostgresProjection.notice(row)
            lastSent[notice.customer] = notice
        }
        return lastSent
    }

    public func noticeVersions(_ id: IncidentID) throws -> [NoticeVersionSummary] {
        try read {
            try session.query(
                """
                SELECT customer, version, kind, drafted_at, sent_at, sent_via, drafted_by FROM notices WHERE incident_id = $1 ORDER BY customer, version
                """, [.text(id.description)]
            ).map { row in
                NoticeVersionSummary(
                    customer: try row.text(0), version: try row.int(1), kind: try Stored.value(NoticeKind.self, try row.text(2)),
                    draftedAt: try Stored.time(try row.text(3)), draftedBy: try row.text(6),
                    sentAt: try row.optionalText(4).map(Stored.time),
                    sentVia: try row.optionalText(5))
            }
        }
    }

    public func forEachNotice(
        _ id: IncidentID, customer: String?, version: Int?, latestOnly: Bool,
        _ body: (NoticeVersion) throws -> Void
    ) throws {
        var sql = "SELECT \(PostgresProjection.noticeColumns) FROM notices n"
        var values: [PostgresSession.Value] = [.text(id.description)]
        if latestOnly {
            sql += " JOIN shares s ON s.incident_id = n.incident_id AND s.customer = n.customer AND s.drafted_versions = n.version"
        }
        sql += " WHERE n.incident_id = $1"
        if let customer {
            values.append(.text(customer))
            sql += " AND n.customer = $\(values.count)"
        }
        if let version {
            values.append(.int(Int64(version)))
            sql += " AND n.version = $\(values.count)"
        }
        sql += " ORDER BY n.customer, n.version"
        try read {
            for row in try session.query(sql, values) { try body(try PostgresProjection.notice(row)) }
        }
    }

    public func forEachRecord(from: Timestamp?, to: Timestamp?, _ body: (RegisterRecord) throws -> Void) throws {
        var sql = "SELECT id FROM incidents WHERE true"
        var values: [PostgresSession.Value] = []
        if let from {
            values.append(.text(from.iso8601))
            sql += " AND aware_at >= $\(values.count)"
        }
        if let to {
            values.append(.text(to.iso8601))
            sql += " AND aware_at <= $\(values.count)"
        }
        try read {
            for text in try session.query(sql + " ORDER BY aware_at, year, number", values).map({ try $0.text(0) }) {
                guard let incident = try PostgresProjection.incident(try Stored.id(text), in: session) else { continue }
                let history = try session.query(
                    """
                    SELECT type, payload, occurred_at, actor FROM events
                    WHERE incident_id = $1 AND type IN (\(RegisterRecord.phaseEventTypes)) ORDER BY incident_seq
                    """, [.text(text)]
                ).map { row in
                    try RegisterRecord.PhaseEntry(
                        type: try row.text(0), payload: try row.text(1), occurredAt: try row.text(2), actor: try row.text(3))
                }
                let notified = try session.query(
                    """
                    SELECT customer, version, kind, sent_at, sent_via FROM notices
                    WHERE incident_id = $1 AND sent_at IS NOT NULL ORDER BY customer, version
                    """, [.text(text)]
                ).map { row in
                    RegisterRecord.Notified(
                        customer: try row.text(0), version: try row.int(1), kind: try Stored.value(NoticeKind.self, try row.text(2)),
                        sentAt: try Stored.time(try row.text(3)), via: try row.optionalText(4))
                }
                try body(RegisterRecord(incident: incident, phaseHistory: history, notified: notified, lastSent: try lastSent(incident.id)))
            }
        }
    }
}
