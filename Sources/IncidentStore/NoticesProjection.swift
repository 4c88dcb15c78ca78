import Foundation
import GRDB
import IncidentCore

/// The `notices` table: every drafted version, with when and how it was sent.
enum NoticesProjection {
    static func write(after event: IncidentEvent, seq: Int64, in db: Database) throws {
        switch event.payload {
        case .noticeDrafted(let body):
            try db.cachedStatement(sql: """
                INSERT INTO notices (incident_id, customer, version, kind, template, subject, markdown, facts, drafted_at, drafted_by, drafted_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [event.incident.description, body.customer, body.version, body.kind.rawValue, body.template,
                                 body.subject, body.markdown, try CanonicalJSON.encode(body.facts), event.occurredAt.iso8601,
                                 event.actor, seq])
        case .noticeSent(let body):
            try db.cachedStatement(sql: """
                UPDATE notices SET sent_at = ?, sent_by = ?, sent_via = ? WHERE incident_id = ? AND customer = ? AND version = ?
                """).execute(arguments: [event.occurredAt.iso8601, event.actor, body.via, event.incident.description, body.customer,
                                         body.version])
        default:
            return
        }
    }

    static func notice(_ row: Row) throws -> NoticeVersion {
        let sentAt = try (row["sent_at"] as String?).map(Projection.time)
        return NoticeVersion(
            customer: row["customer"], version: row["version"], kind: try Stored.value(NoticeKind.self, row["kind"]),
            template: row["template"], subject: row["subject"], markdown: row["markdown"],
            facts: try Stored.json(NoticeFacts.self, row["facts"]),
            drafted: Stamp(at: try Projection.time(row["drafted_at"]), by: row["drafted_by"]),
            sent: sentAt.map { Sending(at: $0, by: row["sent_by"] ?? "", via: row["sent_via"]) })
    }

    /// What the notices table must hold after these events: the verifier's expectation.
    static func replay(_ event: IncidentEvent, into notices: inout [String: NoticeVersion]) {
        switch event.payload {
        case .noticeDrafted(var body):
            body.drafted = Stamp(at: event.occurredAt, by: event.actor)
            body.sent = nil
            notices[key(event.incident.description, body.customer, body.version)] = body
        case .noticeSent(let body):
            let k = key(event.incident.description, body.customer, body.version)
            notices[k]?.sent = Sending(at: event.occurredAt, by: event.actor, via: body.via)
        default:
            return
        }
    }

    static func key(_ incident: String, _ customer: String, _ version: Int) -> String { "\(incident)/\(customer)/v\(version)" }
}
