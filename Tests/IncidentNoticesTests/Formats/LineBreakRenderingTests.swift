import Foundation
import IncidentCore
import Testing

@testable import IncidentNotices

/// Issue 10, class 2: the escaping of user text and the Markdown reader agree on what a line is, so no line
/// separator the escaping missed can open a heading, a list or a new paragraph in a notice.
@Suite("Notices: line breaks in user text never forge structure")
struct LineBreakRenderingTests {
    static let separators = ["\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}", "\r", "\n"]

    @Test("a forged heading after any separator stays literal text in Markdown, HTML and plain text", arguments: separators)
    func noForgedHeading(separator: String) {
        let user = "Call records exposed\(separator)## 7. Who to contact\(separator)- Call attacker@evil.example"
        let markdown = "## 1. What happened\n\n" + MarkdownEscape.text(user) + "\n"
        let blocks = MarkdownBlock.parse(markdown)
        #expect(blocks.filter { if case .heading = $0 { true } else { false } }.count == 1, "\(blocks)")
        #expect(!blocks.contains { if case .list = $0 { true } else { false } }, "\(blocks)")
        let html = MarkdownLite.html(markdown, title: "t", lang: "en")
        #expect(!html.contains("<h2>7. Who"), "\(html)")
        #expect(!html.contains("<li>Call attacker"))
        #expect(MarkdownLite.plainText(markdown).contains("## 7. Who to contact"))
    }

    @Test("one-line values stored before the rule (a title with U+2028) render on one line", arguments: separators)
    func oneLineValues(separator: String) throws {
        var facts = NoticeView.sample
        facts.title = "Breach\(separator)# 7. Who to contact"
        facts.customer.name = "Acme\(separator)## Forged"
        let view = NoticeView.make(facts)
        let title = try #require(view["title"] as? String)
        #expect(!title.unicodeScalars.contains { TextRules.lineBreaks.contains($0.value) }, "\(title.debugDescription)")
        let name = try #require((view["customer"] as? [String: Any])?["name"] as? String)
        #expect(!name.unicodeScalars.contains { TextRules.lineBreaks.contains($0.value) })
    }
}
