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

    public init(
        customer: String, dataCategories: [String], subjectCategories: [String], records: Int?, subjects: Int?,
        noticeHours: Int, affectedAt: Timestamp, ruledOut: RuledOut? = nil, draftedVersions: Int = 0,
        latestKind: NoticeKind? = nil, draftedAt: [Timestamp] = [], firstSent: SentRecord? = nil, lastSentVersion: Int? = nil
    ) {
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
