import Foundation
import GRDB
import IncidentCore

/// The `notices` table: every drafted version, with when and how it was sent.
enum NoticesProjection {
    static func write(after event: IncidentEvent, seq: Int64, in db: Database, facts: String? = nil) throws {
        switch event.payload {
        case .noticeDrafted(let body):
            try db.cachedStatement(
                sql: """
                    INSERT INTO notices (incident_id, customer, version, kind, template, subject, markdown, facts, drafted_at, drafted_by, drafted_seq)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                event.incident.description, body.customer, body.version, body.kind.rawValue, body.template,
                body.subject, body.markdown, try facts ?? CanonicalJSON.encode(body.facts), event.occurredAt.iso8601,
                event.actor, seq,
            ])
        case .noticeSent(let body):
            try db.cachedStatement(
                sql: """
                    UPDATE notices SET sent_at = ?, sent_by = ?, sent_via = ? WHERE incident_id = ? AND customer = ? AND version = ?
                    """
            ).execute(arguments: [
                event.occurredAt.iso8601, event.actor, body.via, event.incident.description, body.customer,
                body.version,
            ])
        default:
            return
        }
    }

    static func stored(_ row: Row) -> StoredRow { StoredRow(row, table: "notices", keys: ["incident_id", "customer", "version"]) }

    /// A notice row, every column read defensively: a damaged value is reported with its table, row and column.
    static func notice(_ row: Row) throws -> NoticeVersion {
        let r = stored(row)
        let sentAt = try r("sent_at", as: String?.self).map(Projection.time)
        let sentBy: String? = try r("sent_by")
        return NoticeVersion(
            customer: try r("customer"), version: try r("version"), kind: try Stored.value(NoticeKind.self, r("kind")),
            template: try r("template"), subject: try r("subject"), markdown: try r("markdown"),
            facts: try Stored.json(NoticeFacts.self, r("facts")),
            drafted: Stamp(at: try Projection.time(r("drafted_at")), by: try r("drafted_by")),
            sent: try sentAt.map { Sending(at: $0, by: sentBy ?? "", via: try r("sent_via")) })
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
