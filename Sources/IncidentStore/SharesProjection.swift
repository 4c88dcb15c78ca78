import Foundation
import GRDB
import IncidentCore

/// The `shares` table: each customer's part in an incident, with its deadline precomputed for `--overdue`.
enum SharesProjection {
    /// Writes the shares an event touched; a corrected awareness time moves every deadline, so then all of them.
    static func write(_ incident: Incident, after event: IncidentEvent, in db: Database) throws {
        let touched: Set<String>?
        switch event.payload {
        case .affected(let body): touched = [body.customer]
        case .unaffected(let body): touched = [body.customer]
        case .noticeDrafted(let body): touched = [body.customer]
        case .noticeSent(let body): touched = [body.customer]
        case .updated(let body) where body.awareAt != nil: touched = nil
        default: return
        }
        let positions = touched.map { $0.compactMap(incident.shareIndex) } ?? Array(incident.shares.indices)
        for position in positions {
            let share = incident.shares[position]
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO shares (incident_id, customer, position, data_categories, subject_categories, records,
                    subjects, notice_hours, affected_at, due_by, ruled_out, drafted_versions, latest_kind, drafted_at, first_sent, last_sent_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    incident.id.description, share.customer, position, Projection.json(share.dataCategories),
                    Projection.json(share.subjectCategories), share.records, share.subjects, share.noticeHours,
                    share.affectedAt.iso8601, share.dueBy(awareAt: incident.awareAt).iso8601,
                    try share.ruledOut.map(CanonicalJSON.encode), share.draftedVersions, share.latestKind?.rawValue,
                    Projection.json(share.draftedAt.map(\.iso8601)),
                    try share.firstSent.map(CanonicalJSON.encode), share.lastSentVersion,
                ])
        }
    }

    static func stored(_ row: Row) -> StoredRow { StoredRow(row, table: "shares", keys: ["incident_id", "customer"]) }

    static func share(_ row: Row) throws -> CustomerShare {
        let r = stored(row)
        return CustomerShare(
            customer: try r("customer"), dataCategories: try Projection.list(r("data_categories")),
            subjectCategories: try Projection.list(r("subject_categories")), records: try r("records"), subjects: try r("subjects"),
            noticeHours: try r("notice_hours"), affectedAt: try Projection.time(r("affected_at")),
            ruledOut: try r("ruled_out", as: String?.self).map { try Stored.json(RuledOut.self, $0) },
            draftedVersions: try r("drafted_versions"), latestKind: try r("latest_kind", as: String?.self).map { try Stored.value(NoticeKind.self, $0) },
            draftedAt: try Projection.list(r("drafted_at")).map(Stored.time),
            firstSent: try r("first_sent", as: String?.self).map { try Stored.json(SentRecord.self, $0) },
            lastSentVersion: try r("last_sent_version"))
    }

    static func shares(of id: IncidentID, in db: Database) throws -> [CustomerShare] {
        try Row.fetchAll(db, sql: "SELECT * FROM shares WHERE incident_id = ? ORDER BY position", arguments: [id.description]).map(share)
    }
}

/// One stored notice version, as `notice export` and `notice list` read it.
public struct StoredNotice: Equatable, Sendable {
    public var incident: String
    public var customer: String
    public var version: Int
    public var kind: NoticeKind
    public var template: String
    public var subject: String
    public var markdown: String
    public var facts: NoticeFacts
    public var draftedAt: Timestamp
    public var draftedBy: String
    public var sentAt: Timestamp?
    public var sentBy: String?
    public var sentVia: String?
}

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
            try db.cachedStatement(sql: "UPDATE notices SET sent_at = ?, sent_by = ?, sent_via = ? WHERE incident_id = ? AND customer = ? AND version = ?").execute(
                           arguments: [event.occurredAt.iso8601, event.actor, body.via, event.incident.description, body.customer, body.version])
        default:
            return
        }
    }

    static func stored(_ row: Row) -> StoredRow { StoredRow(row, table: "notices", keys: ["incident_id", "customer", "version"]) }

    static func notice(_ row: Row) throws -> StoredNotice {
        let r = stored(row)
        return StoredNotice(
            incident: try r("incident_id"), customer: try r("customer"), version: try r("version"), kind: try Stored.value(NoticeKind.self, r("kind")),
            template: try r("template"), subject: try r("subject"), markdown: try r("markdown"),
            facts: try Stored.json(NoticeFacts.self, r("facts")), draftedAt: try Projection.time(r("drafted_at")),
            draftedBy: try r("drafted_by"), sentAt: try r("sent_at", as: String?.self).map(Projection.time), sentBy: try r("sent_by"),
            sentVia: try r("sent_via"))
    }

    /// What the notices table must hold after these events: the verifier's expectation.
    static func replay(_ event: IncidentEvent, into notices: inout [String: StoredNotice]) {
        switch event.payload {
        case .noticeDrafted(let body):
            notices[key(event.incident.description, body.customer, body.version)] = StoredNotice(
                incident: event.incident.description, customer: body.customer, version: body.version, kind: body.kind,
                template: body.template, subject: body.subject, markdown: body.markdown, facts: body.facts,
                draftedAt: event.occurredAt, draftedBy: event.actor, sentAt: nil, sentBy: nil, sentVia: nil)
        case .noticeSent(let body):
            let k = key(event.incident.description, body.customer, body.version)
            notices[k]?.sentAt = event.occurredAt
            notices[k]?.sentBy = event.actor
            notices[k]?.sentVia = body.via
        default:
            return
        }
    }

    static func key(_ incident: String, _ customer: String, _ version: Int) -> String { "\(incident)/\(customer)/v\(version)" }
}
