import Foundation

/// What standard output is: a terminal gets tables and colour (unless NO_COLOR is set); a pipe gets
/// plain tab-separated lines that scripts can cut.
struct Terminal {
    let isInteractive: Bool
    let colour: Bool

    static var current: Terminal {
        let interactive = isatty(STDOUT_FILENO) == 1
        let noColour = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Terminal(
            isInteractive: interactive, colour: interactive && !noColour && ProcessInfo.processInfo.environment["TERM"] != "dumb")
    }

    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }
    func red(_ text: String) -> String { paint(text, "31") }
    func yellow(_ text: String) -> String { paint(text, "33") }
    func green(_ text: String) -> String { paint(text, "32") }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Rows as an aligned table on a terminal, or as tab-separated lines (with a header) otherwise.
    /// `style` may colour a cell; widths are measured before colouring.
    func table(_ header: [String], _ rows: [[String]], style: (Int, String) -> String = { $1 }) -> String {
        let rows = rows.map { $0.map(Self.oneLine) }
        guard isInteractive else {
            return ([header] + rows).map { $0.joined(separator: "\t") }.joined(separator: "\n")
        }
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String], _ paint: (Int, String) -> String) -> String {
            cells.enumerated().map { i, cell in
                let padded = i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
                return paint(i, padded)
            }.joined(separator: "  ")
        }
        return ([line(header) { bold($1) }] + rows.map { line($0, style) }).joined(separator: "\n")
    }

    /// A cell never breaks a row: tabs and line breaks become spaces.
    /// Byte by byte: Foundation's `replacingOccurrences` goes through NSString and was 11% of `list`'s CPU time.
    private static func oneLine(_ text: String) -> String {
        let (tab, newline, space) = (UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: " "))
        guard text.utf8.contains(where: { $0 == tab || $0 == newline }) else { return text }
        return String(decoding: text.utf8.map { $0 == tab || $0 == newline ? space : $0 }, as: UTF8.self)
    }

    func severity(_ text: String, _ padded: String) -> String {
        switch text {
        case "critical": red(bold(padded))
        case "high": red(padded)
        case "medium": yellow(padded)
        default: padded
        }
    }
}
