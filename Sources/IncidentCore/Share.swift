/// One customer's part in an incident: what of its data is affected, its deadline, and its notices so far.
///
/// A notice to this customer says only what is here (plus facts about the incident itself), so one
/// customer's notice never carries another customer's categories or counts.
public struct CustomerShare: Codable, Equatable, Sendable {
    public var customer: String
    public var dataCategories: [String]
    public var subjectCategories: [String]
    public var records: Int?
    public var subjects: Int?
    /// Hours from awareness to the deadline, fixed when the customer was marked affected.
    public var noticeHours: Int
    public var affectedAt: Timestamp
    /// Set when investigation ruled the customer out; its clock stops.
    public var ruledOut: RuledOut?
    /// How many notice versions were drafted, and the kind of the latest.
    public var draftedVersions: Int
    public var latestKind: NoticeKind?
    /// When each version was drafted (index 0 is version 1): a notice cannot be sent before it existed.
    public var draftedAt: [Timestamp]
    /// The first notice marked sent: whether it met the deadline is fixed at that moment.
    public var firstSent: SentRecord?
    public var lastSentVersion: Int?

    public init(customer: String, dataCategories: [String], subjectCategories: [String], records: Int?, subjects: Int?,
                noticeHours: Int, affectedAt: Timestamp, ruledOut: RuledOut? = nil, draftedVersions: Int = 0,
                latestKind: NoticeKind? = nil, draftedAt: [Timestamp] = [], firstSent: SentRecord? = nil, lastSentVersion: Int? = nil) {
        self.draftedAt = draftedAt
        self.customer = customer
        self.dataCategories = dataCategories
        self.subjectCategories = subjectCategories
        self.records = records
        self.subjects = subjects
        self.noticeHours = noticeHours
        self.affectedAt = affectedAt
        self.ruledOut = ruledOut
        self.draftedVersions = draftedVersions
        self.latestKind = latestKind
        self.firstSent = firstSent
        self.lastSentVersion = lastSentVersion
    }

    /// The deadline: awareness plus the customer's notice hours. Daylight-saving changes cannot move it,
    /// because it is computed in UTC seconds.
    public func dueBy(awareAt: Timestamp) -> Timestamp { awareAt.adding(seconds: Int64(noticeHours) * 3600) }

    /// Past its deadline with no notice sent, and not ruled out.
    public func isOverdue(awareAt: Timestamp, now: Timestamp) -> Bool {
        ruledOut == nil && firstSent == nil && now > dueBy(awareAt: awareAt)
    }
}

public struct RuledOut: Codable, Equatable, Sendable {
    public var reason: String
    public var at: Timestamp
    public var by: String
}

public struct SentRecord: Codable, Equatable, Sendable {
    public var version: Int
    public var at: Timestamp
    public var dueBy: Timestamp
    public var onTime: Bool
}

/// The phase of notification (DPA §9.3): the first notice, updates while open, the final one once closed.
public enum NoticeKind: String, Codable, CaseIterable, Sendable {
    case initial, update, final

    public static func parse(_ text: String, field: Field = .noticeKind) throws -> NoticeKind {
        if let kind = NoticeKind(rawValue: text.lowercased()) { return kind }
        throw InputError(field: field, problem: "'\(text)' is not a notice kind; use initial, update or final")
    }
}

/// The register's head at a moment: how many events, and the hash of the last. A notice carries the head at
/// drafting, so every customer holds a witness that the register later must still extend.
public struct Checkpoint: Codable, Equatable, Sendable, CustomStringConvertible {
    public var events: Int64
    public var hash: String

    public init(events: Int64, hash: String) {
        self.events = events
        self.hash = hash
    }

    /// `17:ab65…`: short enough to quote, exact enough to check with `incident verify --checkpoint`.
    public var description: String { "\(events):\(hash)" }
}

/// A customer is affected (or its share is revised).
public struct Affected: Codable, Equatable, Sendable {
    public var customer: String
    public var dataCategories: [String]
    public var subjectCategories: [String]
    public var records: Int?
    public var subjects: Int?
    public var noticeHours: Int

    public init(customer: String, dataCategories: [String], subjectCategories: [String], records: Int?, subjects: Int?, noticeHours: Int) {
        self.customer = customer
        self.dataCategories = dataCategories
        self.subjectCategories = subjectCategories
        self.records = records
        self.subjects = subjects
        self.noticeHours = noticeHours
    }
}

/// Investigation ruled a customer out.
public struct Unaffected: Codable, Equatable, Sendable {
    public var customer: String
    public var reason: String
}

/// A notice version was sent to the customer.
public struct NoticeSent: Codable, Equatable, Sendable {
    public var customer: String
    public var version: Int
    public var via: String?
    /// The deadline as it stood when sent; for the first notice, `onTime` is fixed from it.
    public var dueBy: Timestamp
    public var onTime: Bool
}
