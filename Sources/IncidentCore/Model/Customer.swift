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
    /// Hours within which each initial or update notice promises it the next update, when its contract says
    /// other than the organisation's default.
    public var updateHours: Int?

    public init(
        slug: String, name: String, emails: [String], language: String = "en", timeZone: String = "UTC", noticeHours: Int? = nil,
        updateHours: Int? = nil
    ) {
        self.updateHours = updateHours
        self.slug = slug
        self.name = name
        self.emails = emails
        self.language = language
        self.timeZone = timeZone
        self.noticeHours = noticeHours
    }

    /// Checks every field; the time zone is checked by the caller, which can read the zone database.
    public static func validated(
        slug: String, name: String, emails: [String], language: String, timeZone: String,
        noticeHours: Int?, updateHours: Int? = nil
    ) throws -> Customer {
        let slug = try Slug.parse(slug, field: .customerSlug)
        guard !emails.isEmpty else { throw InputError(field: .customerEmail, problem: "give at least one address for notices") }
        let language = try LanguageTag.parse(language, field: .language)
        return Customer(
            slug: slug, name: try TextRules.line(name, field: .customerName),
            emails: try emails.map { try EmailAddress.parse($0, field: .customerEmail) },
            language: language, timeZone: try TextRules.line(timeZone, field: .timeZone, maxLength: 64),
            noticeHours: try noticeHours.map { try NoticeHours.parse($0, field: .noticeHours) },
            updateHours: try updateHours.map { try NoticeHours.parse($0, field: .updateHours) })
    }
}
