import Foundation

/// A controller we process data for: who hears from us when an incident touches its data.
public struct Customer: Codable, Equatable, Sendable {
    public var slug: String
    public var name: String
    public var emails: [String]
    /// The language of its notices (`en`, `de`, ...); a missing template set falls back to English.
    public var language: String
    /// IANA time zone its notices show times in.
    public var timeZone: String
    /// Hours from our awareness to its notice deadline, when its contract says other than the organisation's default.
    public var noticeHours: Int?
    /// Where its data is kept (`eu`, `us`): scope terms, matched against a subprocessor's regions.
    public var regions: [String]
    /// What it uses of ours that a subprocessor may provide (`voip`, `hosting`): scope terms.
    public var services: [String]

    public init(
        slug: String, name: String, emails: [String], language: String = "en", timeZone: String = "UTC", noticeHours: Int? = nil,
        regions: [String] = [], services: [String] = []
    ) {
        self.slug = slug
        self.name = name
        self.emails = emails
        self.language = language
        self.timeZone = timeZone
        self.noticeHours = noticeHours
        self.regions = regions
        self.services = services
    }

    private enum CodingKeys: String, CodingKey {
        case slug, name, emails, language, timeZone, noticeHours, regions, services
    }

    /// Customers stored before regions and services existed have neither key: they read as empty lists.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        slug = try c.decode(String.self, forKey: .slug)
        name = try c.decode(String.self, forKey: .name)
        emails = try c.decode([String].self, forKey: .emails)
        language = try c.decode(String.self, forKey: .language)
        timeZone = try c.decode(String.self, forKey: .timeZone)
        noticeHours = try c.decodeIfPresent(Int.self, forKey: .noticeHours)
        regions = try c.decodeIfPresent([String].self, forKey: .regions) ?? []
        services = try c.decodeIfPresent([String].self, forKey: .services) ?? []
    }

    /// Empty lists are left out, so a customer without them is stored (and hashed) as it always was.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(slug, forKey: .slug)
        try c.encode(name, forKey: .name)
        try c.encode(emails, forKey: .emails)
        try c.encode(language, forKey: .language)
        try c.encode(timeZone, forKey: .timeZone)
        try c.encodeIfPresent(noticeHours, forKey: .noticeHours)
        if !regions.isEmpty { try c.encode(regions, forKey: .regions) }
        if !services.isEmpty { try c.encode(services, forKey: .services) }
    }

    /// Checks every field; the time zone is checked by the caller, which can read the zone database.
    public static func validated(
        slug: String, name: String, emails: [String], language: String, timeZone: String,
        noticeHours: Int?, regions: [String] = [], services: [String] = []
    ) throws -> Customer {
        let slug = try Slug.parse(slug, field: .customerSlug)
        guard !emails.isEmpty else { throw InputError(field: .customerEmail, problem: "give at least one address for notices") }
        let language = try LanguageTag.parse(language, field: .language)
        return Customer(
            slug: slug, name: try TextRules.line(name, field: .customerName),
            emails: try emails.map { try EmailAddress.parse($0, field: .customerEmail) },
            language: language, timeZone: try TextRules.line(timeZone, field: .timeZone, maxLength: 64),
            noticeHours: try noticeHours.map { try NoticeHours.parse($0, field: .noticeHours) },
            regions: try ScopeTerm.parseAll(regions, field: .region), services: try ScopeTerm.parseAll(services, field: .service))
    }
}
