import GRDB
import IncidentCore

/// One incident as the GDPR Art. 33(5) record shows it: facts, effects, actions, phase times, and
/// which customers were notified when, or ruled out and why.
public struct RegisterRecord: Sendable {
    /// The event types that enter a phase, as an SQL list (both backends select them for the phase history).
    static let phaseEventTypes = "'logged', 'advanced', 'closed', 'reopened'"

    public struct PhaseEntry: Codable, Sendable { public var phase: Phase; public var at: Timestamp; public var by: String }
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
}

extension Register {
    /// Streams the record of every incident whose awareness time falls in the range, oldest first.
    public func forEachRecord(from: Timestamp?, to: Timestamp?, _ body: (RegisterRecord) throws -> Void) throws {
        try read { db in
            var sql = "SELECT id FROM incidents WHERE 1"
            var arguments: StatementArguments = []
            if let from { sql += " AND aware_at >= ?"; arguments += [from.iso8601] }
            if let to { sql += " AND aware_at <= ?"; arguments += [to.iso8601] }
            let ids = try String.fetchAll(db, sql: sql + " ORDER BY aware_at, year, number", arguments: arguments)
            for text in ids {
                let id = try Stored.id(text)
                guard let incident = try Projection.incident(id, in: db) else { continue }
                var history: [RegisterRecord.PhaseEntry] = []
                for row in try Row.fetchAll(db, sql: """
                    SELECT type, payload, occurred_at, actor FROM events
                    WHERE incident_id = ? AND type IN (\(RegisterRecord.phaseEventTypes)) ORDER BY incident_seq
                    """, arguments: [text]) {
                    history.append(try .init(type: row["type"], payload: row["payload"], occurredAt: row["occurred_at"], actor: row["actor"]))
                }
                let notified = try Row.fetchAll(db, sql: """
                    SELECT customer, version, kind, sent_at, sent_via FROM notices
                    WHERE incident_id = ? AND sent_at IS NOT NULL ORDER BY customer, version
                    """, arguments: [text]).map { row in
                    RegisterRecord.Notified(customer: row["customer"], version: row["version"], kind: try Stored.value(NoticeKind.self, row["kind"]),
                                            sentAt: try Stored.time(row["sent_at"]), via: row["sent_via"])
                }
                try body(RegisterRecord(incident: incident, phaseHistory: history, notified: notified))
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
