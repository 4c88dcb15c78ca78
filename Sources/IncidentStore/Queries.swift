import GRDB
import IncidentCore

/// Which incidents `list` shows.
public struct ListFilter: Sendable {
    public enum State: Sendable { case any, open, closed }
    public var phase: Phase?
    public var severity: Severity?
    public var state: State
    /// Only incidents with a customer past its deadline and not yet sent a notice, as of this moment.
    public var overdueAt: Timestamp?
    /// At most this many, newest first; nil for all.
    public var limit: Int?

    public init(phase: Phase? = nil, severity: Severity? = nil, state: State = .any, overdueAt: Timestamp? = nil, limit: Int? = nil) {
        self.phase = phase
        self.severity = severity
        self.state = state
        self.overdueAt = overdueAt
        self.limit = limit
    }
}

/// One line of `list`: read from the incidents table alone, in one query.
public struct IncidentSummary: Codable, Equatable, Sendable {
    public var id: IncidentID
    public var title: String
    public var severity: Severity
    public var phase: Phase
    public var awareAt: Timestamp
    public var updatedAt: Timestamp
    public var source: String
    public var records: Int?
    public var subjects: Int?

    static func fetch(_ filter: ListFilter, in db: Database) throws -> [IncidentSummary] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let phase = filter.phase { clauses.append("phase = ?"); arguments += [phase.rawValue] }
        if let severity = filter.severity { clauses.append("severity = ?"); arguments += [severity.rawValue] }
        switch filter.state {
        case .any: break
        case .open: clauses.append("phase <> 'closed'")
        case .closed: clauses.append("phase = 'closed'")
        }
        if let overdueAt = filter.overdueAt {
            clauses.append("id IN (SELECT incident_id FROM shares WHERE first_sent IS NULL AND ruled_out IS NULL AND due_by < ?)")
            arguments += [overdueAt.iso8601]
        }
        let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let sql = """
            SELECT id, title, severity, phase, aware_at, updated_at, source, records, subjects
            FROM incidents \(whereClause) ORDER BY aware_at DESC, year DESC, number DESC \(filter.limit.map { "LIMIT \($0)" } ?? "")
            """
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let r = Projection.incidentRow(row)
            return IncidentSummary(id: try Stored.id(r("id")), title: try r("title"),
                                   severity: try Stored.value(Severity.self, r("severity")), phase: try Stored.value(Phase.self, r("phase")),
                                   awareAt: try Projection.time(r("aware_at")), updatedAt: try Projection.time(r("updated_at")),
                                   source: try r("source"), records: try r("records"), subjects: try r("subjects"))
        }
    }
}

/// One step on an incident's timeline: what happened, when, and who recorded it.
public struct TimelineEntry: Equatable, Sendable {
    /// Position in the whole register's chain.
    public var sequence: Int64
    public var event: IncidentEvent
    public var hash: String

    static func fetch(_ id: IncidentID, in db: Database) throws -> [TimelineEntry] {
        try Row.fetchAll(db, sql: "SELECT \(EventLog.columns) FROM events WHERE incident_id = ? ORDER BY incident_seq",
                         arguments: [id.description]).map { row in
            let content = try EventLog.contentIndexed(row)
            let event: IncidentEvent
            do { event = try EventLog.event(content) } catch {
                throw StoreError.damaged(reason: "event \(content.seq) cannot be read: \(error)")
            }
            return TimelineEntry(sequence: content.seq, event: event, hash: try EventLog.stored(row).at(9, "hash"))
        }
    }
}
