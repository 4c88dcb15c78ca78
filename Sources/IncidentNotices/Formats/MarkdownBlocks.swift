/// One block of the Markdown subset that notice templates produce.
enum MarkdownBlock: Equatable, Sendable {
    case heading(level: Int, text: String)
    case paragraph(String)
    case list([String])
    /// A `---` line that does not continue a paragraph: the break before a notice's register reference.
    case rule

    /// Splits Markdown into blocks. Anything outside the subset is kept as literal paragraph text,
    /// because a notice must never lose words the template or the responder wrote.
    static func parse(_ markdown: String) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var paragraph: [String] = []
        var items: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))) }
            if !items.isEmpty { blocks.append(.list(items)) }
            paragraph = []
            items = []
        }
        for line in markdown.split(omittingEmptySubsequences: false, whereSeparator: isLineBreak) {
            let text = trimmed(line)
            if text.isEmpty {
                flush()
            } else if text == "---", paragraph.isEmpty {
                // User text never reaches here as `---`: MarkdownEscape puts a backslash before a leading `-`.
                flush()
                blocks.append(.rule)
            } else if let (level, title) = heading(line) {
                flush()
                blocks.append(.heading(level: level, text: title))
            } else if line.hasPrefix("- ") {
                if !paragraph.isEmpty { flush() }
                items.append(trimmed(line.dropFirst(2)))
            } else if !items.isEmpty, line.hasPrefix("  ") {
                items[items.count - 1] += " " + text
            } else {
                if !items.isEmpty { flush() }
                paragraph.append(text)
            }
        }
        flush()
        return blocks
    }

    /// What ends a line, for the parser and for `MarkdownEscape` alike. `isNewline` treats "\r\n" as one
    /// separator, so templates saved on Windows parse the same.
    static func isLineBreak(_ c: Character) -> Bool { c.isNewline }

    /// `# `, `## ` or `### ` followed by text; `####` and `#text` stay literal, as in CommonMark.
    private static func heading(_ line: Substring) -> (Int, String)? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...3).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        let text = trimmed(line.dropFirst(hashes))
        return text.isEmpty ? nil : (hashes, text)
    }

    /// Trims spaces and tabs by index: building the string back from reversed views was 40% of exporting
    /// ten thousand notices (measured with perf).
    static func trimmed(_ text: Substring) -> String {
        let isText: (Character) -> Bool = { $0 != " " && $0 != "\t" }
        guard let first = text.firstIndex(where: isText), let last = text.lastIndex(where: isText) else { return "" }
        return String(text[first...last])
    }
}

/// A run of inline text; `**bold**` is the only inline markup in the subset.
struct InlineRun: Equatable, Sendable {
    let text: String
    let bold: Bool

    /// Splits text at `**` pairs. An unpaired `**` stays literal so a stray marker cannot bold the rest.
    /// A backslash before punctuation makes it literal: that is how user text reaches here without
    /// ever opening a heading, a list or bold (see `MarkdownEscape`).
    static func runs(_ text: String) -> [InlineRun] {
        // Without a backslash or a star there is nothing to split: the loop below would rebuild the text whole.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "*") }) {
            return text.isEmpty ? [] : [InlineRun(text: text, bold: false)]
        }
        var parts = [""]
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
                parts[parts.count - 1].append(chars[i + 1])
                i += 2
            } else if c == "*", i + 1 < chars.count, chars[i + 1] == "*" {
                parts.append("")
                i += 2
            } else {
                parts[parts.count - 1].append(c)
                i += 1
            }
        }
        if parts.count.isMultiple(of: 2) {
            let last = parts.removeLast()
            parts[parts.count - 1] += "**" + last
        }
        return parts.enumerated().compactMap { index, part in
            part.isEmpty ? nil : InlineRun(text: part, bold: !index.isMultiple(of: 2))
        }
    }
}
