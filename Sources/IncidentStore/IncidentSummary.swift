import GRDB
import IncidentCore

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
        if let phase = filter.phase {
            clauses.append("phase = ?")
            arguments += [phase.rawValue]
        }
        if let severity = filter.severity {
            clauses.append("severity = ?")
            arguments += [severity.rawValue]
        }
        switch filter.state {
        case .any: break
        case .open: clauses.append("phase <> 'closed'")
        case .closed: clauses.append("phase = 'closed'")
        }
        if let overdueAt = filter.overdueAt {
            clauses.append("id IN (SELECT incident_id FROM shares WHERE first_sent IS NULL AND ruled_out IS NULL AND due_by < ?)")
            arguments += [overdueAt.iso8601]
        }
        if let at = filter.mayOweNoticeAt {
            clauses.append(ListFilter.mayOweNoticeSQL)
            arguments += [at.iso8601]
        }
        let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let sql = """
            SELECT id, title, severity, phase, aware_at, updated_at, source, records, subjects
            FROM incidents \(whereClause) ORDER BY aware_at DESC, year DESC, number DESC \(filter.limit.map { "LIMIT \($0)" } ?? "")
            """
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let r = Projection.incidentRow(row)
            return IncidentSummary(
                id: try Stored.id(r("id")), title: try r("title"),
                severity: try Stored.value(Severity.self, r("severity")), phase: try Stored.value(Phase.self, r("phase")),
                awareAt: try Projection.time(r("aware_at")), updatedAt: try Projection.time(r("updated_at")),
                source: try r("source"), records: try r("records"), subjects: try r("subjects"))
        }
    }
}
