/// Where one customer's notice about one incident stands at a moment: the row an auditor reads in the
/// register export. Decided from the share alone, so the export, `notice list` and a test agree.
public struct NoticeStanding: Equatable, Sendable {
    public enum Status: String, Sendable {
        case awaitingNotice = "awaiting notice"
        case overdue
        case notified
        case ruledOut = "ruled out"
    }

    public var status: Status
    /// The deadline as it stands now: awareness plus the share's notice hours.
    public var dueBy: Timestamp
    /// The first notice marked sent, with the deadline that applied then and the verdict fixed then.
    public var firstSent: SentRecord?
    /// Whole minutes past the deadline, rounded up so a late notice never reads "0 min": for a first notice
    /// sent late, how late it was; for one still overdue, how overdue at `now`. Nil when on time or not due yet.
    public var minutesLate: Int?

    /// The standing of `share` in an incident we became aware of at `awareAt`, as seen at `now`.
    public init(share: CustomerShare, awareAt: Timestamp, now: Timestamp) {
        dueBy = share.dueBy(awareAt: awareAt)
        firstSent = share.firstSent
        if let sent = share.firstSent {
            minutesLate = sent.onTime ? nil : Self.minutes(from: sent.dueBy, to: sent.at)
        } else if share.ruledOut == nil, now > dueBy {
            minutesLate = Self.minutes(from: dueBy, to: now)
        }
        if share.ruledOut != nil {
            status = .ruledOut
        } else if share.firstSent != nil {
            status = .notified
        } else {
            status = share.isOverdue(awareAt: awareAt, now: now) ? .overdue : .awaitingNotice
        }
    }

    /// `3 h 12 min`, `45 min`, `2 h`: a span of minutes as an auditor reads it.
    public static func duration(minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        if hours == 0 { return "\(rest) min" }
        return rest == 0 ? "\(hours) h" : "\(hours) h \(rest) min"
    }

    /// What the standing says about timeliness, in words: `on time`, `late by 3 h 12 min`, `overdue by 5 h,
    /// no notice sent`; empty while a notice is not due yet, or for a customer ruled out before any was sent.
    public var timeliness: String {
        if let sent = firstSent {
            return sent.onTime ? "on time" : "late by " + Self.duration(minutes: minutesLate ?? 0)
        }
        if status == .overdue, let minutesLate { return "overdue by \(Self.duration(minutes: minutesLate)), no notice sent" }
        return ""
    }

    private static func minutes(from start: Timestamp, to end: Timestamp) -> Int {
        let seconds = end.seconds - start.seconds
        return Int((seconds + 59) / 60)
    }
}
