/// The bodies of the events about customers' shares and their notices.

/// A customer is affected (or its share is revised).
public struct Affected: Codable, Equatable, Sendable {
    public var customer: String
    public var dataCategories: [String]
    public var subjectCategories: [String]
    public var records: Int?
    public var subjects: Int?
    public var noticeHours: Int
    /// Categories taken back from this customer's share (only `dataCategories` and `subjectCategories`).
    public var withdrawn: Withdrawn?
    /// Why they were taken back.
    public var reason: String?

    public init(
        customer: String, dataCategories: [String], subjectCategories: [String], records: Int?, subjects: Int?, noticeHours: Int,
        withdrawn: Withdrawn? = nil, reason: String? = nil
    ) {
        self.withdrawn = withdrawn
        self.reason = reason
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

/// The answer of the fan-out rule when `affect --subprocessor` marked customers: which subprocessor, the
/// regions and services matched, the customers marked by the events that follow, and those left alone
/// because they already had a share. Changes no state: it keeps the reason for the marks beside them.
public struct CustomersMatched: Codable, Equatable, Sendable {
    public var subprocessor: String
    public var regions: [String]
    public var services: [String]
    public var customers: [String]
    public var alreadyAffected: [String]

    public init(subprocessor: String, regions: [String], services: [String], customers: [String], alreadyAffected: [String]) {
        self.subprocessor = subprocessor
        self.regions = regions
        self.services = services
        self.customers = customers
        self.alreadyAffected = alreadyAffected
    }
}
