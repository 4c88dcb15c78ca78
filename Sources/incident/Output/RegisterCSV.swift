import IncidentCore
import IncidentStore

/// The register as an auditor's spreadsheet: one row per incident and affected customer, so each row
/// answers "was this customer told about this incident, and in time?". An incident no customer was marked
/// affected by still has one row, with the customer columns empty.
///
/// Slugs sit beside the labels a person reads (titles, customer names, category labels), and the timeliness
/// of the first notice is given as a number of minutes and in words. The last three columns say what the
/// customer is owed next, by `incident due`'s rule: a customer told once may still be owed a promised update
/// or an all-clear, and late with it.
enum RegisterCSV {
    static let columns = [
        "id", "title", "severity", "phase", "aware_at", "occurred_from", "occurred_to", "detected_at", "source", "nature",
        "systems", "regions", "data_categories", "data_category_labels", "subject_categories", "subject_category_labels",
        "records", "subjects", "consequences", "actions", "notes", "phase_history", "closed_at", "closing_summary",
        "customer", "customer_name", "customer_data_categories", "customer_data_category_labels", "customer_subject_categories",
        "customer_subject_category_labels", "customer_records", "customer_subjects", "notice_hours", "due_by", "status",
        "first_notice_version", "first_notice_sent_at", "first_notice_due_then", "on_time", "minutes_late", "timeliness",
        "notices_sent", "ruled_out_at", "ruled_out_by", "ruled_out_reason", "next_notice_owed", "next_notice_due_by",
        "next_notice_left",
    ]

    /// The rows of one incident, its customers in the order they were marked affected.
    static func rows(_ r: RegisterRecord, customers: [String: Customer], now: Timestamp) -> [[String]] {
        let incident = incidentCells(r)
        if r.incident.shares.isEmpty { return [incident + Array(repeating: "", count: columns.count - incident.count)] }
        let owed = Dictionary(
            Workflow.dueNotices(r.incident, lastSent: r.lastSent).map { ($0.customer, $0) }, uniquingKeysWith: { first, _ in first })
        return r.incident.shares.map { share in
            let next = owed[share.customer]
            return incident + shareCells(share, record: r, name: customers[share.customer]?.name ?? "", now: now) + [
                next?.owed.rawValue ?? "", next?.dueBy.iso8601 ?? "", next.map { Due.left($0.secondsLeft(at: now)) } ?? "",
            ]
        }
    }

    private static func lines(_ values: [String]) -> String { values.joined(separator: "\n") }
    private static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }

    private static func labels(_ slugs: [String], _ vocabulary: Vocabulary) -> String { lines(slugs.map(vocabulary.label(for:))) }

    private static func incidentCells(_ r: RegisterRecord) -> [String] {
        let i = r.incident
        return [
            i.id.description, i.title, i.severity.rawValue, i.phase.rawValue, i.awareAt.iso8601, i.occurredFrom?.iso8601 ?? "",
            i.occurredTo?.iso8601 ?? "", i.detectedAt?.iso8601 ?? "", i.source, i.nature, lines(i.systems), lines(i.regions),
            lines(i.dataCategories), labels(i.dataCategories, .dataCategories), lines(i.subjectCategories),
            labels(i.subjectCategories, .subjectCategories), number(i.records), number(i.subjects), lines(i.consequences),
            lines(i.actions.map { "\($0.takenAt) \($0.phase)/\($0.kind) \($0.takenBy): \($0.text)" }),
            lines(i.notes.map { "\($0.at) \($0.by): \($0.text)" }),
            lines(r.phaseHistory.map { "\($0.at) \($0.phase) (\($0.by))" }),
            i.closedAt?.iso8601 ?? "", i.closingSummary ?? "",
        ]
    }

    private static func shareCells(_ s: CustomerShare, record r: RegisterRecord, name: String, now: Timestamp) -> [String] {
        let standing = NoticeStanding(share: s, awareAt: r.incident.awareAt, now: now)
        let sent = r.notified.filter { $0.customer == s.customer }
        return [
            s.customer, name, lines(s.dataCategories), labels(s.dataCategories, .dataCategories), lines(s.subjectCategories),
            labels(s.subjectCategories, .subjectCategories), number(s.records), number(s.subjects), String(s.noticeHours),
            standing.dueBy.iso8601, standing.status.rawValue, number(standing.firstSent?.version),
            standing.firstSent?.at.iso8601 ?? "", standing.firstSent?.dueBy.iso8601 ?? "",
            standing.firstSent.map { $0.onTime ? "yes" : "no" } ?? "", number(standing.minutesLate), standing.timeliness,
            lines(sent.map { "\($0.sentAt) v\($0.version) \($0.kind)" + ($0.via.map { " via \($0)" } ?? "") }),
            s.ruledOut?.at.iso8601 ?? "", s.ruledOut?.by ?? "", s.ruledOut?.reason ?? "",
        ]
    }
}
