import Foundation
import IncidentCore
import Testing

@testable import IncidentNotices

/// The HTML letter frame around a notice's stored text.
@Suite("HTML letter")
struct NoticeLetterTests {
    static func draft(markdown: String, contact: NoticeFacts.Contact? = nil) -> NoticeVersion {
        var facts = GoldenFacts.make(.initial)
        if let contact { facts.contact = contact }
        return NoticeVersion(
            customer: facts.customer.slug, version: 1, kind: .initial, template: "t", subject: "Subject", markdown: markdown,
            facts: facts)
    }

    @Test("the closing and our name become the signature; the text after the last rule becomes the small print")
    func signatureAndFooter() {
        let html = NoticeLetter.html(
            Self.draft(markdown: "# Notice\n\nBody text.\n\nYours faithfully,\n\nExample Processor Ltd\n\n---\n\nRegister reference: x"),
            dated: GoldenFacts.make(.initial).draftedAt)
        #expect(html.contains("<footer class=\"signature\">\n<p>Yours faithfully,</p>\n<p class=\"signatory\">Example Processor Ltd</p>"))
        #expect(html.contains("<aside class=\"register-reference\">\n<p>Register reference: x</p>\n</aside>"))
        #expect(!html.contains("<hr>"))
        #expect(html.components(separatedBy: "Example Processor Ltd</p>").count - 1 == 2, "letterhead and signature, once each")
    }

    @Test("a notice drafted without a closing (before English had one) is signed with our name alone")
    func olderDraft() {
        let html = NoticeLetter.html(
            Self.draft(markdown: "# Notice\n\nDear Acme,\n\nBody text.\n\n---\n\nRegister reference: x"),
            dated: GoldenFacts.make(.initial).draftedAt)
        #expect(html.contains("<p>Body text.</p>\n</main>\n<footer class=\"signature\">\n<p class=\"signatory\">Example Processor Ltd</p>"))
    }

    @Test("without our details the frame leaves the sender and signatory out rather than printing empty lines")
    func noOrganisation() {
        let html = NoticeLetter.html(
            Self.draft(markdown: "Body.", contact: .init(name: "", email: "", phone: nil, address: nil, dpoEmail: nil)),
            dated: GoldenFacts.make(.initial).draftedAt)
        #expect(!html.contains("class=\"sender-name\""))
        #expect(!html.contains("class=\"signatory\""))
        #expect(!html.contains("<header"))
        #expect(!html.contains("register-reference\">"))
    }

    @Test("the date is the customer's local date in its language; the page foot's reference cannot end the style sheet")
    func dateAndFoot() {
        // 23:30 UTC is already the next day in Berlin.
        let late = Timestamp.utc(year: 2026, month: 11, day: 30, hour: 23, minute: 30)!
        #expect(NoticeLetter.html(Self.draft(markdown: "Body."), dated: late).contains("<p class=\"date\">1 December 2026</p>"))
        let css = LetterStyle.letterCSS(reference: "a\"b\\c</style><script>")
        #expect(!css.contains("</style>") && !css.contains("<script>"))
        #expect(css.contains("content: \"a\\\"b\\\\c\\3c /style\\3e \\3c script\\3e \";"))
    }
}

@Suite("HTML: ids, dates and checkpoints kept whole")
struct KeptTextTests {
    static let hex = String(repeating: "ab", count: 32)

    @Test(
        "marked where they stand, and nowhere else",
        arguments: [
            ("see INC-2026-0001.", "see <span class=\"id\">INC-2026-0001</span>."),
            ("INC-2026-12345", "<span class=\"id\">INC-2026-12345</span>"),
            ("INC-26-1 and INC-2026-001", "INC-26-1 and INC-2026-001"),
            ("at 2026-11-23\u{A0}09:00.", "at <span class=\"nowrap\">2026-11-23\u{A0}09:00</span>."),
            ("on 2026-11-23 09:00", "on <span class=\"nowrap\">2026-11-23</span> 09:00"),
            ("x2026-11-23 and 12026-11-23", "x2026-11-23 and 12026-11-23"),
            ("checkpoint 42:\(hex).", "checkpoint <span class=\"checkpoint\">42:\(hex)</span>."),
            ("42:\(hex)ab and 42:\(hex.uppercased())", "42:\(hex)ab and 42:\(hex.uppercased())"),
            ("no marks: a - b: c", "no marks: a - b: c"),
            ("Zürich – 2026-01-02", "Zürich – <span class=\"nowrap\">2026-01-02</span>"),
        ])
    func kept(text: String, expected: String) {
        #expect(MarkdownLite.kept(text) == expected)
    }
}
