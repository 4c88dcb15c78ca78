import Foundation
import IncidentCore

/// The words a notice needs beyond its templates' sentences, in one language: the status of the incident,
/// the "what has changed" labels, the Appendix 1 category labels, approximate counts and dates.
///
/// The facts stay words-free where they can (phase names, category slugs, counts, timestamps); these tables
/// turn them into the customer's language when a notice is rendered. The sentences themselves are the
/// templates' (Templates/<language>/), which counsel edits.
struct NoticeLanguage: Sendable {
    /// A moment in the customer's zone, taken apart for writing out.
    struct LocalTime: Sendable {
        let year: Int, month: Int, day: Int, hour: Int, minute: Int
        /// `UTC+01:00`.
        let offset: String
        /// The IANA zone, or nil for UTC itself.
        let zoneName: String?
        /// True when the offset differs from the one the notice names once for all its times (across a
        /// daylight-saving change, say), so this time must show its own.
        let showsOffset: Bool
    }

    let code: String
    /// Completes "Current status: …" for each phase.
    let phases: [Phase: String]
    /// The "what has changed" label for each fact, by its key in `NoticeFacts` (`phase`, `records`, …).
    let changeItems: [String: String]
    /// The severity in plain words, as it completes the template's sentence ("we rate it as …").
    let severities: [Severity: String]
    /// Stands for an empty list or an unknown count in "what has changed".
    let notYetKnown: String
    /// Joins several values in "what has changed".
    let listSeparator: String
    /// Appendix 1 label by slug; an `other:` category keeps the text that was typed.
    let categories: [String: String]
    /// `about 1,200`, `etwa 1.200`.
    let approximate: @Sendable (Int) -> String
    /// A time as this language writes it; its offset only where it differs from the notice's.
    let time: @Sendable (LocalTime) -> String

    /// The languages with a table; a language without one uses English words.
    static let all: [String: NoticeLanguage] = ["en": .english, "de": .german, "fr": .french, "pl": .polish]

    static func named(_ code: String) -> NoticeLanguage { all[code] ?? .english }

    func phase(_ phase: Phase) -> String { phases[phase] ?? phase.rawValue }

    func severity(_ severity: Severity) -> String { severities[severity] ?? severity.rawValue }

    func label(_ category: NoticeFacts.Category) -> String {
        if category.slug.hasPrefix(Vocabulary.otherPrefix) { return category.label }
        return categories[category.slug] ?? category.label
    }

    /// A time in the customer's zone. A notice names its zone and offset once (`NoticeView`'s `utcOffset`), so
    /// a time whose offset equals `noticeOffset` (seconds east of UTC) shows none; nil shows it always.
    func format(_ t: Timestamp, in zone: TimeZone, noticeOffset: Int? = nil) -> String {
        time(Self.local(t, in: zone, noticeOffset: noticeOffset))
    }

    /// One change in this language's words: its label, and the values before and after (nil for additions).
    ///
    /// Notices drafted before changes carried their values have only English words; those are kept.
    func describe(_ change: NoticeFacts.Change, in zone: TimeZone, noticeOffset: Int? = nil) -> (
        item: String, before: String?, after: String
    ) {
        guard let field = change.field, let after = change.afterValues else {
            return (change.item, change.before.isEmpty ? nil : change.before, change.after)
        }
        func words(_ values: [String]) -> String {
            let shown: [String]
            switch field {
            case "phase": shown = values.map { Phase(rawValue: $0).map(phase) ?? $0 }
            case "awareAt": shown = values.map { Timestamp.stored($0).map { format($0, in: zone, noticeOffset: noticeOffset) } ?? $0 }
            case "dataCategories", "subjectCategories", "withdrawnDataCategories", "withdrawnSubjectCategories":
                shown = values.map { label(.init(slug: $0, label: Self.otherText($0))) }
            case "records", "subjects": shown = values.map { Int($0).map(approximate) ?? $0 }
            default: shown = values
            }
            return shown.isEmpty ? notYetKnown : shown.joined(separator: listSeparator)
        }
        let before = change.before.isEmpty ? nil : words(change.beforeValues ?? [])
        return (changeItems[field] ?? change.item, before, words(after))
    }

    private static func otherText(_ slug: String) -> String {
        slug.hasPrefix(Vocabulary.otherPrefix) ? String(slug.dropFirst(Vocabulary.otherPrefix.count)) : slug
    }

    /// Groups digits in threes with `separator`: `1.200`, `1 200`.
    static func grouped(_ value: Int, _ separator: String) -> String {
        let digits = String(value)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(c)
        }
        return out
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func local(_ t: Timestamp, in zone: TimeZone, noticeOffset: Int? = nil) -> LocalTime {
        let offset = offset(of: t, in: zone)
        let iso = Array(Timestamp(seconds: t.seconds + Int64(offset)).iso8601)  // "YYYY-MM-DDTHH:MM:SSZ", shifted
        func number(_ from: Int, _ count: Int) -> Int { Int(String(iso[from..<from + count])) ?? 0 }
        let name = isUTC(zone) ? nil : zone.identifier
        return LocalTime(
            year: number(0, 4), month: number(5, 2), day: number(8, 2), hour: number(11, 2), minute: number(14, 2),
            offset: offsetText(offset), zoneName: name, showsOffset: noticeOffset != offset)
    }

    /// Seconds east of UTC in `zone` at that moment.
    static func offset(of t: Timestamp, in zone: TimeZone) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t.seconds)))
    }

    /// `UTC+01:00`.
    static func offsetText(_ offset: Int) -> String {
        "UTC\(offset < 0 ? "-" : "+")\(twoDigits(abs(offset) / 3600)):\(twoDigits(abs(offset) % 3600 / 60))"
    }

    static func isUTC(_ zone: TimeZone) -> Bool { ["UTC", "GMT", "Etc/UTC", "Etc/GMT"].contains(zone.identifier) }

    /// ` (UTC+02:00)` for a time whose offset differs from the notice's (` UTC` for a time given in UTC);
    /// nothing otherwise.
    static func zoneSuffix(_ t: LocalTime) -> String {
        guard t.showsOffset else { return "" }
        return t.offset == offsetText(0) ? " UTC" : " (\(t.offset))"
    }
}
