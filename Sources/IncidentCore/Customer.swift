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

    public init(slug: String, name: String, emails: [String], language: String = "en", timeZone: String = "UTC", noticeHours: Int? = nil) {
        self.slug = slug
        self.name = name
        self.emails = emails
        self.language = language
        self.timeZone = timeZone
        self.noticeHours = noticeHours
    }

    /// Checks every field; the time zone is checked by the caller, which can read the zone database.
    public static func validated(slug: String, name: String, emails: [String], language: String, timeZone: String,
                                 noticeHours: Int?) throws -> Customer {
        let slug = try Slug.parse(slug, field: .customerSlug)
        guard !emails.isEmpty else { throw InputError(field: .customerEmail, problem: "give at least one address for notices") }
        let language = language.trimmingCharacters(in: .whitespaces).lowercased()
        guard language.range(of: #"^[a-z]{2,3}(-[a-z0-9]{2,8})*$"#, options: .regularExpression) != nil else {
            throw InputError(field: .language, problem: "'\(language)' is not a language tag; use one such as en, de or fr")
        }
        return Customer(slug: slug, name: try TextRules.line(name, field: .customerName),
                        emails: try emails.map { try EmailAddress.parse($0, field: .customerEmail) },
                        language: language, timeZone: try TextRules.line(timeZone, field: .timeZone, maxLength: 64),
                        noticeHours: try noticeHours.map { try NoticeHours.parse($0, field: .noticeHours) })
    }
}

/// Our own details: the §9.2 contact item, and the defaults for deadlines and updates.
public struct Organisation: Codable, Equatable, Sendable {
    public var name: String
    public var email: String
    public var phone: String?
    public var address: String?
    public var dpoEmail: String?
    /// Default hours from awareness to a customer's notice deadline.
    public var noticeHours: Int
    /// Hours between updates that a notice promises.
    public var updateHours: Int
    /// A folder of templates that override the shipped ones.
    public var templates: String?

    public static let defaultNoticeHours = 48
    public static let defaultUpdateHours = 24

    public init(name: String, email: String, phone: String? = nil, address: String? = nil, dpoEmail: String? = nil,
                noticeHours: Int = defaultNoticeHours, updateHours: Int = defaultUpdateHours, templates: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
        self.address = address
        self.dpoEmail = dpoEmail
        self.noticeHours = noticeHours
        self.updateHours = updateHours
        self.templates = templates
    }
}

/// Customer slugs: short, lowercase, safe in file names and mail headers.
public enum Slug {
    public static func parse(_ raw: String, field: Field) throws -> String {
        let slug = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard slug.range(of: #"^[a-z0-9][a-z0-9-]{0,62}$"#, options: .regularExpression) != nil else {
            throw InputError(field: field, problem: "'\(raw)' is not a slug; use 1-63 lowercase letters, digits and hyphens, e.g. acme-gmbh")
        }
        return slug
    }
}

public enum NoticeHours {
    public static func parse(_ value: Int, field: Field) throws -> Int {
        guard (1...8760).contains(value) else {
            throw InputError(field: field, problem: "\(value) is not a number of hours from 1 to 8760")
        }
        return value
    }
}
