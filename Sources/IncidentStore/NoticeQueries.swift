import GRDB
import IncidentCore

extension Register {
    /// Notice versions of an incident, in customer order then version; `latestOnly` keeps each customer's newest.
    /// Streams rows to `body`, so a batch of ten thousand notices is never all in memory.
    public func forEachNotice(
        _ id: IncidentID, customer: String? = nil, version: Int? = nil, latestOnly: Bool = false,
        _ body: (NoticeVersion) throws -> Void
    ) throws {
        try read { db in
            var sql = "SELECT n.* FROM notices n"
            var arguments: StatementArguments = [id.description]
            if latestOnly {
                sql += " JOIN shares s ON s.incident_id = n.incident_id AND s.customer = n.customer AND s.drafted_versions = n.version"
            }
            sql += " WHERE n.incident_id = ?"
            if let customer {
                sql += " AND n.customer = ?"
                arguments += [customer]
            }
            if let version {
                sql += " AND n.version = ?"
                arguments += [version]
            }
            sql += " ORDER BY n.customer, n.version"
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try cursor.next() { try body(try NoticesProjection.notice(row)) }
        }
    }

    /// What drafting needs, read in one transaction: the incident, the directory, the chain's head, and each customer's
    /// last notice marked sent (what an update's changes compare with).
    public func noticeSnapshot(_ id: IncidentID) throws -> NoticeSnapshot {
        try read { db in
            guard let incident = try Projection.incident(id, in: db) else { throw StoreError.notFound(id: id.description) }
            return NoticeSnapshot(
                incident: incident, directory: try DirectoryProjection.load(in: db), head: try EventLog.head(in: db),
                lastSent: try Self.lastSent(id, in: db))
        }
    }

    /// Appends events decided from a snapshot, but only if nothing was written since: the head must still be
    /// `head`. Returns nil, writing nothing, when another writer came first; the caller decides again.
    public func append(_ events: [IncidentEvent], to id: IncidentID, ifHeadIs head: Checkpoint) throws -> Incident? {
        try write { db in
            guard try EventLog.head(in: db) == head else { return nil }
            guard let current = try Projection.incident(id, in: db) else { throw StoreError.notFound(id: id.description) }
            return try appendApplying(events, to: current, in: db)
        }
    }

    public func dueState(_ id: IncidentID) throws -> (incident: Incident, lastSent: [String: NoticeVersion]) {
        try read { db in
            guard let incident = try Projection.incident(id, in: db) else { throw StoreError.notFound(id: id.description) }
            return (incident, try Self.lastSent(id, in: db))
        }
    }

    static func lastSent(_ id: IncidentID, in db: Database) throws -> [String: NoticeVersion] {
        var result: [String: NoticeVersion] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT n.* FROM notices n
                JOIN shares s ON s.incident_id = n.incident_id AND s.customer = n.customer AND s.last_sent_version = n.version
                WHERE n.incident_id = ?
                """, arguments: [id.description])
        while let row = try rows.next() {
            let notice = try NoticesProjection.notice(row)
            result[notice.customer] = notice
        }
        return result
    }
}

/// An incident as drafting sees it: consistent with the head it was read at.
public struct NoticeSnapshot: Sendable {
    public var incident: Incident
    public var directory: Directory
    public var head: Checkpoint
    public var lastSent: [String: NoticeVersion]
}

/// A notice version without its text or facts: what `notice list` shows.
public struct NoticeVersionSummary: Sendable {
    public var customer: String
    public var version: Int
    public var kind: NoticeKind
    public var draftedAt: Timestamp
    public var draftedBy: String
    public var sentAt: Timestamp?
    public var sentVia: String?
}

extension Register {
    /// Every notice version of an incident, read from a few narrow columns: no text, no facts to decode.
    public func noticeVersions(_ id: IncidentID) throws -> [NoticeVersionSummary] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT customer, version, kind, drafted_at, drafted_by, sent_at, sent_via FROM notices WHERE incident_id = ? ORDER BY customer, version
                    """, arguments: [id.description]
            ).map { row in
                let r = StoredRow(row, table: "notices", keys: ["customer", "version"])
                return NoticeVersionSummary(
                    customer: try r("customer"), version: try r("version"), kind: try Stored.value(NoticeKind.self, r("kind")),
                    draftedAt: try Stored.time(r("drafted_at")), draftedBy: try r("drafted_by"),
                    sentAt: try r("sent_at", as: String?.self).map(Stored.time),
                    sentVia: try r("sent_via"))
            }
        }
    }
}
