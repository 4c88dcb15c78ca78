import GRDB
import IncidentCore

extension Register {
    /// Notice versions of an incident, in customer order then version; `latestOnly` keeps each customer's newest.
    /// Streams rows to `body`, so a batch of ten thousand notices is never all in memory.
    public func forEachNotice(_ id: IncidentID, customer: String? = nil, version: Int? = nil, latestOnly: Bool = false,
                              _ body: (StoredNotice) throws -> Void) throws {
        try read { db in
            var sql = "SELECT n.* FROM notices n"
            var arguments: StatementArguments = [id.description]
            if latestOnly {
                sql += " JOIN shares s ON s.incident_id = n.incident_id AND s.customer = n.customer AND s.drafted_versions = n.version"
            }
            sql += " WHERE n.incident_id = ?"
            if let customer { sql += " AND n.customer = ?"; arguments += [customer] }
            if let version { sql += " AND n.version = ?"; arguments += [version] }
            sql += " ORDER BY n.customer, n.version"
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try cursor.next() { try body(try NoticesProjection.notice(row)) }
        }
    }

    /// Drafts notices in one write transaction: `decide` gets the incident, the chain's head, and for each
    /// customer the facts of the last notice marked sent, all read inside that same transaction.
    public func recordNotices(_ id: IncidentID,
                              _ decide: (Incident, Checkpoint, [String: (version: Int, facts: NoticeFacts)]) throws -> [IncidentEvent]) throws -> Incident {
        try recordMany(id) { incident, checkpoint, db in try decide(incident, checkpoint, Self.lastSentFacts(id, in: db)) }
    }

    /// For each customer, the facts of the last notice marked sent: what an update's changes compare with.
    static func lastSentFacts(_ id: IncidentID, in db: Database) throws -> [String: (version: Int, facts: NoticeFacts)] {
        var result: [String: (version: Int, facts: NoticeFacts)] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT n.customer, n.version, n.facts FROM notices n
            JOIN shares s ON s.incident_id = n.incident_id AND s.customer = n.customer AND s.last_sent_version = n.version
            WHERE n.incident_id = ?
            """, arguments: [id.description])
        while let row = try rows.next() {
            let r = StoredRow(row, table: "notices", keys: ["customer", "version"])
            result[try r("customer")] = (try r("version"), try Stored.json(NoticeFacts.self, r("facts")))
        }
        return result
    }
}

/// A notice version without its text or facts: what `notice list` shows.
public struct NoticeVersionSummary: Sendable {
    public var customer: String
    public var version: Int
    public var kind: NoticeKind
    public var draftedAt: Timestamp
    public var sentAt: Timestamp?
    public var sentVia: String?
}

extension Register {
    /// Every notice version of an incident, read from a few narrow columns: no text, no facts to decode.
    public func noticeVersions(_ id: IncidentID) throws -> [NoticeVersionSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT customer, version, kind, drafted_at, sent_at, sent_via FROM notices WHERE incident_id = ? ORDER BY customer, version
                """, arguments: [id.description]).map { row in
                let r = StoredRow(row, table: "notices", keys: ["customer", "version"])
                return NoticeVersionSummary(customer: try r("customer"), version: try r("version"), kind: try Stored.value(NoticeKind.self, r("kind")),
                                            draftedAt: try Stored.time(r("drafted_at")), sentAt: try r("sent_at", as: String?.self).map(Stored.time),
                                            sentVia: try r("sent_via"))
            }
        }
    }
}
