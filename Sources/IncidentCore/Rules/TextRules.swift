import Foundation

/// The rules every piece of text typed into the register must pass.
///
/// Text in the register ends up in notices to customers and in exports. Control characters and
/// bidirectional overrides are refused at the door, because in a mail header, a spreadsheet or a
/// rendered notice they can make text say something other than what was recorded.
public enum TextRules {
    /// Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
    static let bidiControls: ClosedRange<UInt32> = 0x202A...0x202E
    static let bidiIsolates: ClosedRange<UInt32> = 0x2066...0x2069

    /// Every scalar that some renderer takes for the end of a line or a paragraph: LF, VT, FF, CR, NEL, and the
    /// Unicode line and paragraph separators. Swift's `Character.isNewline`, which the notice Markdown reader
    /// splits on, is true for exactly these (and for CRLF, made of two of them).
    public static let lineBreaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]

    /// One line of text: title, name, category, system. Trimmed; no line break of any kind, no tab; not empty.
    public static func line(_ raw: String, field: Field, maxLength: Int = 200) throws -> String {
        // Checked before anything else, so a U+2028 in a title is called a line break, not a control character.
        if raw.unicodeScalars.contains(where: { lineBreaks.contains($0.value) || $0 == "\t" }) {
            throw InputError(field: field, problem: "must be a single line; remove the line breaks and tabs")
        }
        return try checked(raw, field: field, maxLength: maxLength)
    }

    /// Free text that may span lines: nature, notes, summaries, reasons. Every kind of line break (CRLF, CR, VT,
    /// FF, NEL, U+2028, U+2029) becomes LF before any other rule or any renderer sees the text.
    public static func paragraph(_ raw: String, field: Field, maxLength: Int = 20_000) throws -> String {
        try checked(normalisingLineBreaks(raw), field: field, maxLength: maxLength)
    }

    /// `text` with each line break of any kind replaced by one LF (CRLF counts as one break).
    public static func normalisingLineBreaks(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { lineBreaks.contains($0.value) && $0 != "\n" }) else { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", previousCR {
                previousCR = false
                continue
            }
            previousCR = scalar == "\r"
            out.append(lineBreaks.contains(scalar.value) ? "\n" : scalar)
        }
        return String(out)
    }

    private static func checked(_ raw: String, field: Field, maxLength: Int) throws -> String {
        let normalised = raw
        for scalar in normalised.unicodeScalars {
            let v = scalar.value
            if v == 0x0A || v == 0x09 { continue }
            if v < 0x20 || (0x7F...0x9F).contains(v) {
                throw InputError(field: field, problem: "contains control character U+\(hex(v)); remove it and type the text again")
            }
            if v == 0xFFFD {
                throw InputError(
                    field: field, problem: "contains U+FFFD, the mark of bytes that were not valid UTF-8; retype the text as UTF-8")
            }
            if bidiControls.contains(v) || bidiIsolates.contains(v) {
                throw InputError(field: field, problem: "contains bidirectional control U+\(hex(v)), which can disguise text; remove it")
            }
        }
        let text = normalised.trimmingCharacters(in: .whitespacesAndNewlines)
        // `--note --help` means the value was forgotten, not that the note says "--help".
        if text.range(of: #"^--[a-z][a-z-]*\z"#, options: .regularExpression) != nil {
            throw InputError(
                field: field, problem: "'\(text)' looks like an option, so the value seems to be missing", next: .attachWithEquals(text))
        }
        if text.isEmpty {
            throw InputError(field: field, problem: "is empty; give some text")
        }
        if text.count > maxLength {
            throw InputError(field: field, problem: "is \(text.count) characters long; keep it to \(maxLength)")
        }
        return text
    }

    /// A count of records or people: zero or more, and a believable size.
    public static func count(_ value: Int, field: Field) throws -> Int {
        guard value >= 0 else { throw InputError(field: field, problem: "\(value) is negative; give an approximate count of zero or more") }
        guard value <= 100_000_000_000 else {
            throw InputError(field: field, problem: "\(value) is too large; give an approximate count up to 100000000000")
        }
        return value
    }

    private static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
