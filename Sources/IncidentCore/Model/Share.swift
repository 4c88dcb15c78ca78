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
    /// Who approved which version for sending (four-eyes approval), in the order they were recorded.
    public var approvals: [NoticeApproval]

    public init(
        customer: String, dataCategories: [String], subjectCategories: [String], records: Int?, subjects: Int?,
        noticeHours: Int, affectedAt: Timestamp, ruledOut: RuledOut? = nil, draftedVersions: Int = 0,
        latestKind: NoticeKind? = nil, draftedAt: [Timestamp] = [], firstSent: SentRecord? = nil, lastSentVersion: Int? = nil,
        approvals: [NoticeApproval] = []
    ) {
        self.approvals = approvals
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

    /// The approval of a version, if it has one.
    public func approval(of version: Int) -> NoticeApproval? { approvals.first { $0.version == version } }

    /// Ruled out after a notice was sent to it: the customer is owed a `not-affected` notice until one is
    /// sent (`lastSentKind` is the kind of the last version marked sent). A customer ruled out before it
    /// heard from us gets nothing: there is nothing to take back.
    public func owesNotAffected(lastSentKind: NoticeKind?) -> Bool {
        ruledOut != nil && firstSent != nil && lastSentKind != .notAffected
    }

    /// Past its deadline with no notice sent, and not ruled out.
    public func isOverdue(awareAt: Timestamp, now: Timestamp) -> Bool {
        ruledOut == nil && firstSent == nil && now > dueBy(awareAt: awareAt)
    }
}

extension CustomerShare {
    private enum CodingKeys: String, CodingKey {
        case customer, dataCategories, subjectCategories, records, subjects, noticeHours, affectedAt, ruledOut
        case draftedVersions, latestKind, draftedAt, firstSent, lastSentVersion, approvals
    }

    /// Shares stored before approvals existed have no `approvals` key: they had none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            customer: try c.decode(String.self, forKey: .customer), dataCategories: try c.decode([String].self, forKey: .dataCategories),
            subjectCategories: try c.decode([String].self, forKey: .subjectCategories),
            records: try c.decodeIfPresent(Int.self, forKey: .records), subjects: try c.decodeIfPresent(Int.self, forKey: .subjects),
            noticeHours: try c.decode(Int.self, forKey: .noticeHours), affectedAt: try c.decode(Timestamp.self, forKey: .affectedAt),
            ruledOut: try c.decodeIfPresent(RuledOut.self, forKey: .ruledOut),
            draftedVersions: try c.decode(Int.self, forKey: .draftedVersions),
            latestKind: try c.decodeIfPresent(NoticeKind.self, forKey: .latestKind),
            draftedAt: try c.decode([Timestamp].self, forKey: .draftedAt),
            firstSent: try c.decodeIfPresent(SentRecord.self, forKey: .firstSent),
            lastSentVersion: try c.decodeIfPresent(Int.self, forKey: .lastSentVersion),
            approvals: try c.decodeIfPresent([NoticeApproval].self, forKey: .approvals) ?? [])
    }

    /// Left out while empty, so a share without approvals encodes as it did before they existed.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(customer, forKey: .customer)
        try c.encode(dataCategories, forKey: .dataCategories)
        try c.encode(subjectCategories, forKey: .subjectCategories)
        try c.encodeIfPresent(records, forKey: .records)
        try c.encodeIfPresent(subjects, forKey: .subjects)
        try c.encode(noticeHours, forKey: .noticeHours)
        try c.encode(affectedAt, forKey: .affectedAt)
        try c.encodeIfPresent(ruledOut, forKey: .ruledOut)
        try c.encode(draftedVersions, forKey: .draftedVersions)
        try c.encodeIfPresent(latestKind, forKey: .latestKind)
        try c.encode(draftedAt, forKey: .draftedAt)
        try c.encodeIfPresent(firstSent, forKey: .firstSent)
        try c.encodeIfPresent(lastSentVersion, forKey: .lastSentVersion)
        if !approvals.isEmpty { try c.encode(approvals, forKey: .approvals) }
    }
}

/// A second person's approval of one drafted version: which, when, and who.
public struct NoticeApproval: Codable, Equatable, Sendable {
    public var version: Int
    public var at: Timestamp
    public var by: String

    public init(version: Int, at: Timestamp, by: String) {
        self.version = version
        self.at = at
        self.by = by
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
