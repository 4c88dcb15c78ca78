import HostileInput
import Testing

@testable import IncidentNotices

@Suite struct MarkdownLiteHTMLTests {
    @Test(arguments: [
        ("# Notice", "<h1>Notice</h1>"),
        ("## What happened", "<h2>What happened</h2>"),
        ("### Details", "<h3>Details</h3>"),
        ("#### Four", "<p>#### Four</p>"),
        ("#NoSpace", "<p>#NoSpace</p>"),
        ("line one\nline two", "<p>line one line two</p>"),
        ("first\r\nsecond", "<p>first second</p>"),
        ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
        ("- item\n  continued here", "<li>item continued here</li>"),
        ("We **must** tell you", "<p>We <strong>must</strong> tell you</p>"),
        ("- **Name:** Anna", "<li><strong>Name:</strong> Anna</li>"),
        ("a ** b", "<p>a ** b</p>"),
        ("**a** and ** b", "<p><strong>a</strong> and ** b</p>"),
        ("para\n# Head\nmore", "<p>para</p>\n<h1>Head</h1>\n<p>more</p>"),
        ("end\n\n---\n\nRegister reference", "<p>end</p>\n<hr>\n<p>Register reference</p>"),
        ("- item\n---", "</ul>\n<hr>"),
        ("text\n---", "<p>text ---</p>"),
        ("\\---", "<p>---</p>"),
    ])
    func blocks(markdown: String, fragment: String) {
        #expect(MarkdownLite.html(markdown, title: "t", lang: "en").contains(fragment))
    }

    @Test func documentShape() {
        let html = MarkdownLite.html("# Hi", title: "Notice & <Update>", lang: "de-CH")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"de-CH\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.contains("<title>Notice &amp; &lt;Update&gt;</title>"))
        #expect(html.contains("<style>") && html.contains("@media print"))
        #expect(html.hasSuffix("<h1>Hi</h1>\n</body>\n</html>\n"))
    }

    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("Tom & Jerry", "Tom &amp; Jerry"),
        ("\" onload=\"x", "&quot; onload=&quot;x"),
        ("\" onmouseover=alert(1) '", "&quot; onmouseover=alert(1) &#39;"),
        ("**<img src=x onerror=alert(1)>**", "<strong>&lt;img src=x onerror=alert(1)&gt;</strong>"),
        ("&lt; already", "&amp;lt; already"),
        ("nul\u{0}here", "nul\u{FFFD}here"),
    ])
    func escapesUserText(text: String, escaped: String) {
        for markdown in [text, "# \(text)", "- \(text)"] {
            let html = MarkdownLite.html(markdown, title: text, lang: "en")
            #expect(html.contains(escaped))
            #expect(html.contains("<title>\(MarkdownLite.escaped(text))</title>"))
            #expect(Self.tags(in: html).isSubset(of: Self.allowedTags), "\(Self.tags(in: html).subtracting(Self.allowedTags))")
        }
    }

    @Test(arguments: ["en\" onload=\"x", "de><script>", "", "x y", String(repeating: "a", count: 36)])
    func languageIsNeverRawText(lang: String) {
        #expect(MarkdownLite.html("x", title: "t", lang: lang).contains("<html lang=\"und\">"))
    }

    /// Every tag in the output is one the renderer writes; no tag or attribute comes from text.
    static let allowedTags: Set<String> = [
        "<html lang=\"en\">", "</html>", "<head>", "</head>", "<meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", "<title>", "</title>",
        "<style>", "</style>", "<body>", "</body>", "<h1>", "</h1>", "<ul>", "</ul>", "<li>", "</li>",
        "<p>", "</p>", "<strong>", "</strong>", "<!DOCTYPE html>",
    ]

    static func tags(in html: String) -> Set<String> {
        var tags: Set<String> = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            tags.insert(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return tags
    }
}

@Suite struct MarkdownLitePlainTextTests {
    @Test func blocksAreSeparatedByOneBlankLine() {
        let markdown =
            "# Notice\n\nWe **found** a problem.\n\n\n## Steps\n- Change your password\n- Watch your account\n\n### Contact\nprivacy@example.org"
        #expect(
            MarkdownLite.plainText(markdown) == """
                Notice
                ======

                We found a problem.

                Steps
                -----

                - Change your password
                - Watch your account

                Contact
                -------

                privacy@example.org

                """)
    }

    @Test(arguments: [20, 33, 40, 72])
    func wrapsWithinWidthWithoutSplittingWords(width: Int) {
        let text =
            "Am 23. November 2026 haben wir festgestellt, dass eine unbefugte Person Zugriff auf "
            + "einen Server hatte, auf dem Kundendaten gespeichert waren: Name, Anschrift, E-Mail-Adresse "
            + "und Kundennummer. Passwörter und Zahlungsdaten waren nicht betroffen. " + String(repeating: "x", count: 90)
        let out = MarkdownLite.plainText(text, width: width)
        let lines = out.split(separator: "\n").map(String.init)
        for line in lines {
            #expect(line.count <= width || !line.contains(" "), "\(line.count): \(line)")
        }
        #expect(lines.flatMap { $0.split(separator: " ") } == text.split(separator: " "))
        #expect(lines.last == String(repeating: "x", count: 90))
        #expect(out.hasSuffix("\n") && !out.hasSuffix("\n\n"))
    }

    @Test(arguments: [(1, "="), (2, "-"), (3, "-")])
    func headingsAreUnderlined(level: Int, mark: String) {
        let title = "Was ist passiert – Übersicht"
        let out = MarkdownLite.plainText(String(repeating: "#", count: level) + " **" + title + "**")
        #expect(out == title + "\n" + String(repeating: mark, count: title.count) + "\n")
    }

    @Test func bulletsWrapWithIndentedContinuation() {
        let markdown =
            "- **Change** your password for the customer portal and any other service where you use it\n"
            + "  (this line continues the first item)\n- short"
        let lines = MarkdownLite.plainText(markdown, width: 30).split(separator: "\n").map(String.init)
        #expect(lines.first == "- Change your password for the")
        #expect(lines.last == "- short")
        #expect(lines.filter { $0.hasPrefix("- ") }.count == 2)
        for line in lines {
            #expect(line.count <= 30)
            #expect(line.hasPrefix("- ") || (line.hasPrefix("  ") && !line.hasPrefix("   ")), "\(line)")
        }
        #expect(lines.contains { $0.contains("(this line continues") })
    }

    @Test func emptyInputGivesEmptyText() {
        #expect(MarkdownLite.plainText("\n\n  \n") == "")
    }
}

@Suite("User text escaped for Markdown stays literal in every format")
struct MarkdownEscapeTests {
    @Test(
        "headings, bullets and bold typed by a user are shown as typed",
        arguments: [
            "# Not a heading", "- not a bullet", "**not bold**", "a \\ backslash", "  ## indented", "*single* stars",
        ])
    func literal(userText: String) {
        let markdown = "## 1. What happened\n\n" + MarkdownEscape.text(userText) + "\n"
        let text = MarkdownLite.plainText(markdown)
        #expect(text.contains(userText.trimmingCharacters(in: .whitespaces)), "\(text)")
        let html = MarkdownLite.html(markdown, title: "t", lang: "en")
        #expect(!html.contains("<strong>not bold"))
        #expect(!html.contains("<h1>Not a heading"))
        #expect(!html.contains("<li>not a bullet"))
    }
}

/// The byte-by-byte paths must give what the character-by-character ones give, for every text.
@Suite struct MarkdownLiteBytePathTests {
    static let texts: [String] =
        [
            "", "plain words only", "a  b\tc   d", "tab\tand space", "x", String(repeating: "word ", count: 40),
            "10\u{A0}000 records", "caf\u{E9} na\u{EF}ve \u{1F600}", "e\u{301}t\u{E9}", "line\r\nbreak", " \u{301}combining after space",
            "<b>&\"'</b>", "ctrl\u{1}\u{1F}\u{7F}\u{80}\u{9F}\u{A0}\u{C2}", "\u{C2}\u{A0}\u{9F}", "\n\t\r",
            String(repeating: "verylongwordwithoutspaces", count: 5) + " short",
        ] + HostileValues.texts + HostileValues.lineTexts

    @Test("escaping byte by byte gives what escaping scalar by scalar gives", arguments: texts)
    func escaped(text: String) {
        #expect(MarkdownLite.escaped(text) == MarkdownLite.escapedByScalar(text))
    }

    @Test("wrapping ASCII byte by byte gives what wrapping by character gives", arguments: texts)
    func wrapped(text: String) {
        for width in [3, 10, 72] {
            let fast = MarkdownLite.wrapASCII(text, width: width)
            #expect(fast == nil || fast == MarkdownLite.wrapByCharacter(text, width: width))
            #expect(MarkdownLite.wrap(text, width: width) == MarkdownLite.wrapByCharacter(text, width: width))
        }
    }
}
