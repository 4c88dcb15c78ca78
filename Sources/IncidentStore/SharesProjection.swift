import Foundation
import GRDB
import IncidentCore

/// The `shares` table: each customer's part in an incident, with its deadline precomputed for `--overdue`.
enum SharesProjection {
    /// Writes the shares an event touched; a corrected awareness time moves every deadline, so then all of them.
    static func write(_ incident: Incident, after event: IncidentEvent, in db: Database) throws {
        for position in touched(by: event, in: incident) {
            let share = incident.shares[position]
            try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO shares (incident_id, customer, position, data_categories, subject_categories, records,
                        subjects, notice_hours, affected_at, due_by, ruled_out, drafted_versions, latest_kind, drafted_at, first_sent, last_sent_version, approvals)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                incident.id.description, share.customer, position, Projection.json(share.dataCategories),
                Projection.json(share.subjectCategories), share.records, share.subjects, share.noticeHours,
                share.affectedAt.iso8601, share.dueBy(awareAt: incident.awareAt).iso8601,
                try share.ruledOut.map(CanonicalJSON.encode), share.draftedVersions, share.latestKind?.rawValue,
                Projection.json(share.draftedAt.map(\.iso8601)),
                try share.firstSent.map(CanonicalJSON.encode), share.lastSentVersion, try CanonicalJSON.encode(share.approvals),
            ])
        }
    }

    static func stored(_ row: Row) -> StoredRow { StoredRow(row, table: "shares", keys: ["incident_id", "customer"]) }

    /// The positions of the shares an event changes (both backends rewrite only these).
    static func touched(by event: IncidentEvent, in incident: Incident) -> [Int] {
        let touched: Set<String>?
        switch event.payload {
        case .affected(let body): touched = [body.customer]
        case .unaffected(let body): touched = [body.customer]
        case .noticeDrafted(let body): touched = [body.customer]
        case .noticeSent(let body): touched = [body.customer]
        case .noticeApproved(let body): touched = [body.customer]
        case .updated(let body) where body.awareAt != nil: touched = nil
        // Categories withdrawn from the incident leave every share that had them.
        case .updated(let body)
        where !(body.withdrawn?.dataCategories.isEmpty ?? true) || !(body.withdrawn?.subjectCategories.isEmpty ?? true):
            touched = nil
        default: return []
        }
        return touched.map { $0.compactMap(incident.shareIndex) } ?? Array(incident.shares.indices)
    }

    static func share(_ row: Row) throws -> CustomerShare {
        let r = stored(row)
        return CustomerShare(
            customer: try r("customer"), dataCategories: try Projection.list(r("data_categories")),
            subjectCategories: try Projection.list(r("subject_categories")), records: try r("records"), subjects: try r("subjects"),
            noticeHours: try r("notice_hours"), affectedAt: try Projection.time(r("affected_at")),
            ruledOut: try r("ruled_out", as: String?.self).map { try Stored.json(RuledOut.self, $0) },
            draftedVersions: try r("drafted_versions"),
            latestKind: try r("latest_kind", as: String?.self).map { try Stored.value(NoticeKind.self, $0) },
            draftedAt: try Projection.list(r("drafted_at")).map(Stored.time),
            firstSent: try r("first_sent", as: String?.self).map { try Stored.json(SentRecord.self, $0) },
            lastSentVersion: try r("last_sent_version"),
            approvals: try Stored.json([NoticeApproval].self, r("approvals")))
    }

    static func shares(of id: IncidentID, in db: Database) throws -> [CustomerShare] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM shares WHERE incident_id = ? ORDER BY position"), arguments: [id.description]
        )
        .map(share)
    }
}
