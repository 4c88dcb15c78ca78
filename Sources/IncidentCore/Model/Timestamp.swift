import Foundation

/// A moment in UTC, to the second. Stored and shown as ISO 8601 with `Z`.
///
/// Parsing is strict on purpose: a time without an offset means different things to a responder in
/// Dublin and one in Singapore, and the notification clock must not depend on who typed it.
public struct Timestamp: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

    public func adding(seconds delta: Int64) -> Timestamp { Timestamp(seconds: seconds + delta) }

    /// `2026-11-23T18:36:00Z`
    public var iso8601: String {
        let days = Self.floorDiv(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = Self.civil(fromDays: days)
        return
            "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay % 3600 / 60, 2)):\(pad(secondOfDay % 60, 2))Z"
    }

    public var description: String { iso8601 }

    /// The calendar year in UTC.
    public var year: Int { Int(Self.civil(fromDays: Self.floorDiv(seconds, 86_400)).0) }

    /// Parses `now`, or ISO 8601 date-time with `Z` or a `±HH:MM` offset (seconds and fractions optional).
    public static func parse(_ raw: String, field: Field, now: Timestamp) throws -> Timestamp {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.lowercased() == "now" { return now }
        if let parsed = ISO8601Parser.timestamp(from: text), !(1970...9999).contains(parsed.year) {
            throw InputError(field: field, problem: "'\(raw)' is before 1970 or after 9999; check the year")
        }
        guard let parsed = ISO8601Parser.timestamp(from: text) else {
            // A leap second would have to be stored as another second; say so rather than just "not a time".
            if ISO8601Parser.timestamp(from: text.replacingOccurrences(of: ":60", with: ":59")) != nil {
                throw InputError(
                    field: field, problem: "'\(raw)' has second 60, which the register cannot store; give :59 or the next minute")
            }
            if ISO8601Parser.offsetOutOfRange(text) {
                throw InputError(
                    field: field, problem: "'\(raw)' has an offset outside -12:00 to +14:00, which no place on Earth uses; check the offset"
                )
            }
            if ISO8601Parser.looksLikeLocalTime(text) {
                throw InputError(
                    field: field,
                    problem: "'\(raw)' has no UTC offset; add Z or an offset such as +01:00 (e.g. 2026-11-23T14:05:00Z), or use 'now'")
            }
            throw InputError(
                field: field,
                problem:
                    "'\(raw)' is not a time; use ISO 8601 with an offset such as 2026-11-23T14:05:00Z or 2026-11-23T15:05:00+01:00, or 'now'"
            )
        }
        return parsed
    }

    /// Reads a time as the register stores it; nil when the stored text is damaged.
    public static func stored(_ text: String) -> Timestamp? { ISO8601Parser.timestamp(from: text) }

    /// Builds a timestamp from UTC calendar fields; nil when a field is out of range.
    public static func utc(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Timestamp? {
        guard (1...9999).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        let days = daysFromCivil(Int64(year), Int64(month), Int64(day))
        return Timestamp(seconds: days * 86_400 + Int64(hour * 3600 + minute * 60 + second))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's civil-calendar algorithms: exact for the proleptic Gregorian calendar.
    static func daysFromCivil(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = ISO8601Parser.timestamp(from: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad time \(text)"))
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}

private func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
