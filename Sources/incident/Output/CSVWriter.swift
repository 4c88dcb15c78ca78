/// RFC 4180 CSV that a spreadsheet cannot turn into a formula.
///
/// Every cell is quoted. A cell that starts with `=`, `+`, `-`, `@`, tab, CR or NUL gets a leading `'`,
/// so text an attacker typed (say `=HYPERLINK(...)` in a phishing subject) stays text when opened.
enum CSVWriter {
    static let dangerous: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\0"]

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, dangerous.contains(Character(first)) { text = "'" + text }
        // Quotes doubled byte by byte: Foundation's `replacingOccurrences` goes through NSString.
        guard text.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + text + "\"" }
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }

    static func row(_ cells: [String]) -> String { cells.map(cell).joined(separator: ",") + "\r\n" }
}
