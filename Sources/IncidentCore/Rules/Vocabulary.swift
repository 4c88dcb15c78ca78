import Foundation

/// A category from the DPA's Appendix 1 vocabulary: a stable slug and the words a notice uses for it.
public struct Term: Hashable, Sendable {
    public let slug: String
    public let label: String
}

/// The built-in categories of personal data (Appendix 1 E) and of data subjects (Appendix 1 D).
///
/// Slugs are part of the register's stored data and the JSON contract: never rename one, only add.
public enum Vocabulary: String, Sendable, CaseIterable {
    case dataCategories = "data"
    case subjectCategories = "subject"

    /// Prefix for a category the built-in list does not have, as in `other:passport scans`.
    public static let otherPrefix = "other:"

    public var terms: [Term] {
        switch self {
        case .dataCategories: Self.data
        case .subjectCategories: Self.subjects
        }
    }

    public var title: String {
        switch self {
        case .dataCategories: "Categories of personal data (DPA Appendix 1 E)"
        case .subjectCategories: "Categories of data subjects (DPA Appendix 1 D)"
        }
    }

    /// Accepts a built-in slug (any case) or `other:<text>`; rejects anything else with the nearest slugs.
    public func parse(_ raw: String, field: Field) throws -> String {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.lowercased().hasPrefix(Self.otherPrefix) {
            let detail = String(text.dropFirst(Self.otherPrefix.count)).trimmingCharacters(in: .whitespaces)
            let checked = try TextRules.line(detail, field: field, maxLength: 120)
            return Self.otherPrefix + checked
        }
        let slug = text.lowercased()
        if terms.contains(where: { $0.slug == slug }) { return slug }
        let near = suggestions(for: slug)
        let hint = near.isEmpty ? "" : "; did you mean \(near.joined(separator: " or "))?"
        throw InputError(field: field, problem: "'\(raw)' is not a known category\(hint)", next: .listCategories)
    }

    /// The label a person reads: the built-in label, or the text after `other:`.
    public func label(for slug: String) -> String {
        if slug.hasPrefix(Self.otherPrefix) { return String(slug.dropFirst(Self.otherPrefix.count)) }
        return terms.first(where: { $0.slug == slug })?.label ?? slug
    }

    /// Up to three slugs closest to a mistyped one, by edit distance or shared prefix.
    public func suggestions(for slug: String) -> [String] {
        let scored = terms.map { term -> (String, Int) in
            var distance = EditDistance.between(slug, term.slug)
            // A typo of one word of a slug ("emial" for email-addresses) should still find it.
            for word in term.slug.split(separator: "-") where word.count > 2 {
                distance = min(distance, EditDistance.between(slug, String(word)))
            }
            if !slug.isEmpty, term.slug.hasPrefix(slug) || slug.hasPrefix(term.slug) || term.slug.contains(slug) {
                distance = min(distance, 2)
            }
            return (term.slug, distance)
        }
        let limit = max(2, slug.count / 3)
        return scored.filter { $0.1 <= limit }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    }

    private static let data: [Term] = [
        Term(slug: "names", label: "Names"),
        Term(slug: "email-addresses", label: "Email addresses"),
        Term(slug: "telephone-numbers", label: "Telephone numbers"),
        Term(slug: "user-identifiers", label: "User identifiers"),
        Term(slug: "account-information", label: "Account information"),
        Term(slug: "communications-metadata", label: "Communications metadata"),
        Term(slug: "chat-transcripts", label: "Chat transcripts"),
        Term(slug: "call-metadata", label: "Call metadata"),
        Term(slug: "video-session-metadata", label: "Video session metadata"),
        Term(slug: "device-information", label: "Device information"),
        Term(slug: "ip-addresses", label: "IP addresses"),
        Term(slug: "browser-information", label: "Browser information"),
        Term(slug: "authentication-information", label: "Authentication information"),
        Term(slug: "usage-data", label: "Usage data"),
        Term(slug: "customer-submitted-information", label: "Customer-submitted information"),
        Term(slug: "support-communications", label: "Support and service communications"),
    ]

    private static let subjects: [Term] = [
        Term(slug: "customer-employees", label: "Customer employees"),
        Term(slug: "authorized-users", label: "Authorized users"),
        Term(slug: "administrators", label: "Administrators"),
        Term(slug: "end-users", label: "End users"),
        Term(slug: "prospective-customers", label: "Prospective customers"),
        Term(slug: "business-contacts", label: "Business contacts"),
        Term(slug: "customer-representatives", label: "Customer representatives"),
        Term(slug: "website-visitors", label: "Website visitors"),
        Term(slug: "support-contacts", label: "Support contacts"),
    ]
}

/// Levenshtein distance, for "did you mean" hints.
public enum EditDistance {
    /// Levenshtein distance over characters.
    public static func between(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = previous
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
