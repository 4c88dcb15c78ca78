import GRDB
import IncidentCore

/// One incident as the GDPR Art. 33(5) record shows it: facts, effects, actions, phase times, and
/// which customers were notified when, or ruled out and why.
public struct RegisterRecord: Sendable {
    /// The event types that enter a phase, as an SQL list (both backends select them for the phase history).
    static let phaseEventTypes = "'logged', 'advanced', 'closed', 'reopened'"

    public struct PhaseEntry: Codable, Sendable {
        public var phase: Phase
        public var at: Timestamp
        public var by: String
    }
    public struct Notified: Codable, Sendable {
        public var customer: String
        public var version: Int
        public var kind: NoticeKind
        public var sentAt: Timestamp
        public var via: String?
    }

    public var incident: Incident
    public var phaseHistory: [PhaseEntry]
    public var notified: [Notified]
    /// Each customer's last version marked sent: what it was promised next (`Workflow.dueNotices`).
    public var lastSent: [String: NoticeVersion]
}

extension Register {
    /// Streams the record of every incident whose awareness time falls in the range, oldest first.
    public func forEachRecord(from: Timestamp?, to: Timestamp?, _ body: (RegisterRecord) throws -> Void) throws {
        try read { db in
            var sql = "SELECT id FROM incidents WHERE 1"
            var arguments: StatementArguments = []
            if let from {
                sql += " AND aware_at >= ?"
                arguments += [from.iso8601]
            }
            if let to {
                sql += " AND aware_at <= ?"
                arguments += [to.iso8601]
            }
            let ids = try Row.fetchAll(db, sql: sql + " ORDER BY aware_at, year, number", arguments: arguments).map {
                try Projection.incidentRow($0)("id", as: String.self)
            }
            for text in ids {
                let id = try Stored.id(text)
                guard let incident = try Projection.incident(id, in: db) else { continue }
                var history: [RegisterRecord.PhaseEntry] = []
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT incident_id, incident_seq, type, payload, occurred_at, actor FROM events
                        WHERE incident_id = ? AND type IN (\(RegisterRecord.phaseEventTypes)) ORDER BY incident_seq
                        """, arguments: [text])
                {
                    let r = StoredRow(row, table: "events", keys: ["incident_id", "incident_seq"])
                    history.append(try .init(type: r("type"), payload: r("payload"), occurredAt: r("occurred_at"), actor: r("actor")))
                }
                let notified = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT customer, version, kind, sent_at, sent_via FROM notices
                        WHERE incident_id = ? AND sent_at IS NOT NULL ORDER BY customer, version
                        """, arguments: [text]
                ).map { row in
                    let r = StoredRow(row, table: "notices", keys: ["customer", "version"])
                    return RegisterRecord.Notified(
                        customer: try r("customer"), version: try r("version"), kind: try Stored.value(NoticeKind.self, r("kind")),
                        sentAt: try Stored.time(r("sent_at")), via: try r("sent_via"))
                }
                try body(
                    RegisterRecord(
                        incident: incident, phaseHistory: history, notified: notified, lastSent: try Register.lastSent(id, in: db)))
            }
        }
    }
}

extension RegisterRecord.PhaseEntry {
    /// The phase an event entered, read from its stored columns (both backends).
    init(type: String, payload: String, occurredAt: String, actor: String) throws {
        let phase: Phase
        switch try EventPayload.decode(type: type, body: payload) {
        case .advanced(let body): phase = body.to
        case .closed: phase = .closed
        case .reopened(let body): phase = body.to
        default: phase = .investigate
        }
        self.init(phase: phase, at: try Stored.time(occurredAt), by: actor)
    }
}
