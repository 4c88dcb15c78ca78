/// Reads a count as people type it: `12000`, `12,000`, `12 000` or `12_000`.
///
/// A separator is accepted only between correct groups of three digits, and only one kind of separator
/// in a number. A dot is refused: `12.000` is twelve thousand in Berlin and twelve in Boston.
public enum CountText {
    /// Separators that may group thousands: comma, space, no-break space, narrow no-break space, underscore.
    static let separators: Set<Character> = [",", " ", "\u{00A0}", "\u{202F}", "_"]

    /// The count `text` states, checked against `TextRules.count`; `field` names the option in refusals.
    public static func parse(_ text: String, field: Field) throws -> Int {
        let trimmed = text.trimmingWhitespace()
        let negative = trimmed.hasPrefix("-")
        let body = negative ? String(trimmed.dropFirst()) : trimmed
        guard let digits = try digits(of: body, text: text, field: field) else {
            throw InputError(field: field, problem: "'\(text)' is not a count; \(fix)")
        }
        // Beyond eighteen digits an Int overflows; any such count is far past the limit anyway.
        guard digits.count <= 18, let magnitude = Int(digits) else {
            throw InputError(field: field, problem: "\(digits) is too large; give an approximate count up to 100000000000")
        }
        return try TextRules.count(negative ? -magnitude : magnitude, field: field)
    }

    static let fix = "write it without separators (12000) or with commas every three digits (12,000)"

    /// The digits alone, or nil when the grouping is wrong; a dot is refused with its own reason.
    private static func digits(of body: String, text: String, field: Field) throws -> String? {
        if body.contains(".") {
            throw InputError(field: field, problem: "'\(text)' is ambiguous (a decimal point or a thousands separator?); \(fix)")
        }
        guard let first = body.first, first.isASCIIDigit else { return nil }
        let used = Set(body.filter { separators.contains($0) })
        guard used.count <= 1 else { return nil }
        guard let separator = used.first else { return body.allSatisfy(\.isASCIIDigit) ? body : nil }
        let groups = body.split(separator: separator, omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
            groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { return nil }
        return groups.joined()
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        // Spaces and tabs only: a line break in a count is a broken file or paste, never a typing habit.
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: blank).reversed().drop(while: blank).reversed())
    }
}
