/// RFC 4180 CSV that a spreadsheet cannot turn into a formula.
///
/// Every cell is quoted. A cell that starts with `=`, `+`, `-`, `@`, tab, CR or NUL gets a leading `'`,
/// so text an attacker typed (say `=HYPERLINK(...)` in a phishing subject) stays text when opened.
enum CSVWriter {
    static let dangerous: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\0"]

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, dangerous.contains(Character(first)) { text = "'" + text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func row(_ cells: [String]) -> String { cells.map(cell).joined(separator: ",") + "\r\n" }
}
