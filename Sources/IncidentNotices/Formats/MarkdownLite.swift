/// Turns the Markdown subset of rendered notices into HTML and plain text for export.
///
/// The subset is what the templates produce: `#`–`###` headings, paragraphs, `- ` bullet lists,
/// a `---` rule and `**bold**`. Everything else is literal text.
public enum MarkdownLite {
    /// A standalone HTML5 document; all text is escaped, so nothing the user typed becomes markup.
    public static func html(_ markdown: String, title: String, lang: String) -> String {
        head(title: title, lang: lang, style: LetterStyle.plainCSS) + htmlBlocks(MarkdownBlock.parse(markdown)) + "</body>\n</html>\n"
    }

    /// The document up to and including `<body>`: language, title and style sheet.
    static func head(title: String, lang: String, style: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(languageTag(lang))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escaped(title))</title>
        <style>
        \(style)</style>
        </head>
        <body>

        """
    }

    /// The blocks as HTML elements, one per line.
    static func htmlBlocks(_ blocks: [MarkdownBlock]) -> String {
        var out = ""
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                out += "<h\(level)>\(inlineHTML(text))</h\(level)>\n"
            case .paragraph(let text):
                out += "<p>\(inlineHTML(text))</p>\n"
            case .list(let items):
                out += "<ul>\n" + items.map { "<li>\(inlineHTML($0))</li>\n" }.joined() + "</ul>\n"
            case .rule:
                out += "<hr>\n"
            }
        }
        return out
    }

    /// Plain text for email bodies: underlined headings, paragraphs and bullets wrapped at `width`.
    ///
    /// Widths below 3 count as 3, so a bullet always has room for text after its "- ".
    public static func plainText(_ markdown: String, width: Int = 72) -> String {
        plainText(MarkdownBlock.parse(markdown), width: width)
    }

    /// The same from blocks already parsed (an e-mail parses its Markdown once for both bodies).
    static func plainText(_ parsed: [MarkdownBlock], width: Int = 72) -> String {
        let width = max(width, 3)
        var blocks: [String] = []
        for block in parsed {
            switch block {
            case .heading(let level, let text):
                let lines = wrap(plain(text), width: width)
                guard let longest = lines.map(\.count).max() else { continue }
                let rule = String(repeating: level == 1 ? "=" : "-", count: longest)
                blocks.append((lines + [rule]).joined(separator: "\n"))
            case .paragraph(let text):
                let lines = wrap(plain(text), width: width)
                if !lines.isEmpty { blocks.append(lines.joined(separator: "\n")) }
            case .list(let items):
                let bullets = items.map { item in
                    // Two columns go to "- ", so the item text wraps two narrower than the page.
                    let lines = wrap(plain(item), width: width - 2)
                    if lines.isEmpty { return "-" }
                    return lines.enumerated().map { ($0 == 0 ? "- " : "  ") + $1 }.joined(separator: "\n")
                }
                blocks.append(bullets.joined(separator: "\n"))
            case .rule:
                blocks.append("---")
            }
        }
        return blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n"
    }

    static func inlineHTML(_ text: String) -> String {
        InlineRun.runs(text).map { $0.bold ? "<strong>\(kept(escaped($0.text)))</strong>" : kept(escaped($0.text)) }.joined()
    }

    /// Marks incident ids, English dates and register checkpoints in escaped text, so the style sheet can keep
    /// an id or a date on one line (a browser would break `INC-2026-0001` at its hyphens) and let a long
    /// checkpoint break only where it must. The patterns hold only characters that escaping leaves alone.
    ///
    /// A hand-written scan over the UTF-8 bytes rather than regular expressions: it runs on every piece of text
    /// of every exported notice, and a batch may hold ten thousand.
    static func kept(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard bytes.contains(UInt8(ascii: "-")) || bytes.contains(UInt8(ascii: ":")) else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        var i = 0
        func wrap(_ length: Int, _ cls: String) {
            out += Array("<span class=\"\(cls)\">".utf8) + bytes[i..<i + length] + Array("</span>".utf8)
            i += length
        }
        while i < bytes.count {
            let atWordStart = i == 0 || !isWordByte(bytes[i - 1])
            if let length = incidentID(bytes, at: i) {
                wrap(length, "id")
            } else if atWordStart, let length = date(bytes, at: i) {
                wrap(length, "nowrap")
            } else if atWordStart, let length = checkpoint(bytes, at: i) {
                wrap(length, "checkpoint")
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isWordByte(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }

    /// How many digits start at `i`.
    private static func digits(_ bytes: [UInt8], at i: Int) -> Int {
        var n = 0
        while i + n < bytes.count, isDigit(bytes[i + n]) { n += 1 }
        return n
    }

    /// `INC-2026-0001`: `INC-`, four digits, `-`, four or more digits.
    private static func incidentID(_ bytes: [UInt8], at i: Int) -> Int? {
        guard bytes.count - i >= 13, bytes[i] == 0x49, bytes[i + 1] == 0x4E, bytes[i + 2] == 0x43, bytes[i + 3] == 0x2D,
            digits(bytes, at: i + 4) >= 4, bytes[i + 8] == 0x2D
        else { return nil }
        let number = digits(bytes, at: i + 9)
        return number >= 4 ? 9 + number : nil
    }

    /// `2026-11-23`, and its time when a no-break space joins one: `2026-11-23 09:00`.
    private static func date(_ bytes: [UInt8], at i: Int) -> Int? {
        guard bytes.count - i >= 10, digits(bytes, at: i) >= 4, bytes[i + 4] == 0x2D, digits(bytes, at: i + 5) >= 2,
            bytes[i + 7] == 0x2D, digits(bytes, at: i + 8) >= 2
        else { return nil }
        let t = i + 10
        if bytes.count - t >= 7, bytes[t] == 0xC2, bytes[t + 1] == 0xA0, digits(bytes, at: t + 2) >= 2, bytes[t + 4] == 0x3A,
            digits(bytes, at: t + 5) >= 2
        {
            return 17
        }
        return 10
    }

    /// `42:` and 64 lowercase hex digits, ending at a word boundary: a register checkpoint.
    private static func checkpoint(_ bytes: [UInt8], at i: Int) -> Int? {
        let sequence = digits(bytes, at: i)
        let colon = i + sequence
        guard sequence > 0, colon + 65 <= bytes.count, bytes[colon] == 0x3A else { return nil }
        for b in bytes[(colon + 1)...(colon + 64)] where !(isDigit(b) || (b >= 0x61 && b <= 0x66)) { return nil }
        let end = colon + 65
        return end < bytes.count && isWordByte(bytes[end]) ? nil : end - i
    }

    static func plain(_ text: String) -> String {
        InlineRun.runs(text).map(\.text).joined()
    }

    /// Escapes the five HTML-significant characters, so text can sit in an element or a quoted attribute.
    static func escaped(_ text: String) -> String {
        // Byte by byte: every character it changes is one byte in UTF-8, or two for the C1 controls (0xC2 0x80–0x9F);
        // every other byte is copied, so the text is the same as the scalar loop in `escapedByScalar` gives.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        var bytes = text.utf8.makeIterator()
        var pending = bytes.next()
        while let byte = pending {
            pending = bytes.next()
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            case UInt8(ascii: "\t"): out.append(byte)
            case 0x00..<0x20, 0x7F: out += [0xEF, 0xBF, 0xBD]
            case 0xC2 where pending.map { (0x80...0x9F).contains($0) } == true:
                out += [0xEF, 0xBF, 0xBD]
                pending = bytes.next()
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The reference for `escaped`, one Unicode scalar at a time.
    static func escapedByScalar(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Control characters are parse errors in HTML and NUL is dropped or mangled; show them as �.
            case _ where scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)):
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The `lang` value if it looks like a BCP 47 tag, else `und`: attribute values never come from free text.
    static func languageTag(_ lang: String) -> String {
        let ok =
            !lang.isEmpty && lang.count <= 35
            && lang.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
            }
        return ok ? lang : "und"
    }

    /// Greedy word wrap at spaces and tabs; a word longer than `width` gets a line of its own, unbroken.
    /// No-break spaces are not break points, so "10 000" stays together.
    static func wrap(_ text: String, width: Int) -> [String] {
        wrapASCII(text, width: width) ?? wrapByCharacter(text, width: width)
    }

    /// The reference for `wrap`, one character at a time.
    static func wrapByCharacter(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var length = 0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if length == 0 {
                line = String(word)
                length = word.count
            } else if length + 1 + word.count <= width {
                line += " " + word
                length += 1 + word.count
            } else {
                lines.append(line)
                line = String(word)
                length = word.count
            }
        }
        if length > 0 { lines.append(line) }
        return lines
    }

    /// `wrap` for text of ASCII characters other than CR, where every byte is one character: the same lines
    /// without breaking the text into characters. Nil for any other text.
    static func wrapASCII(_ text: String, width: Int) -> [String]? {
        let bytes = Array(text.utf8)
        guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
        var lines: [String] = []
        var line: [UInt8] = []
        for word in bytes.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }) {
            if line.isEmpty {
                line = Array(word)
            } else if line.count + 1 + word.count <= width {
                line.append(0x20)
                line += word
            } else {
                lines.append(String(decoding: line, as: UTF8.self))
                line = Array(word)
            }
        }
        if !line.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
        return lines
    }
}
