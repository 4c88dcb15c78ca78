import Foundation
import IncidentCore

/// A notice as an HTML letter: our letterhead, the addressee, the date, our reference, the stored text as
/// the body, the signature, and the register reference in small print at the foot.
///
/// The frame is built from the facts frozen with the draft, so exporting the same version twice gives the
/// same page; only the date may differ, when the caller dates the letter for sending. Every piece of text
/// is HTML-escaped.
enum NoticeLetter {
    /// The letter, dated `date` (the drafting time unless it is exported for sending).
    /// `parsed` is the draft's Markdown already parsed, when the caller has it.
    static func html(_ draft: NoticeVersion, dated date: Timestamp, parsed: [MarkdownBlock]? = nil) -> String {
        let facts = draft.facts
        let words = LetterWords.named(facts.language)
        let zone = TimeZone(identifier: facts.customer.timeZone) ?? TimeZone(identifier: "UTC")!
        var blocks = parsed ?? MarkdownBlock.parse(draft.markdown)
        // What follows the last rule is the register reference: the letter's small print, not its body.
        var footer: [MarkdownBlock] = []
        if let rule = blocks.lastIndex(of: .rule) {
            footer = Array(blocks[(rule + 1)...])
            blocks = Array(blocks[..<rule])
        }
        let closing = signatureStart(blocks, name: facts.contact.name)
        let kind = words.kinds[facts.kind] ?? facts.kind.rawValue
        // The customer's own notice number, as the notice's heading shows it.
        let number = facts.sequence ?? facts.version
        let reference = "\(facts.incidentId), \(words.notice(number)) (\(kind))"
        var out = MarkdownLite.head(
            title: draft.subject, lang: facts.language,
            style: LetterStyle.letterCSS(reference: "\(words.reference) \(reference)"))
        out += "<article class=\"letter\">\n"
        out += letterhead(facts.contact)
        out += addressee(facts.customer, words: words)
        out += "<p class=\"date\">\(MarkdownLite.escaped(words.date(NoticeLanguage.local(date, in: zone))))</p>\n"
        out +=
            "<p class=\"reference\"><span class=\"label\">\(MarkdownLite.escaped(words.reference))</span> "
            + "\(MarkdownLite.inlineHTML(facts.incidentId)), \(MarkdownLite.escaped(words.notice(number))) "
            + "(\(MarkdownLite.escaped(kind)))</p>\n"
        out += "<main class=\"body\">\n" + MarkdownLite.htmlBlocks(Array(blocks[..<(closing ?? blocks.count)])) + "</main>\n"
        out += "<footer class=\"signature\">\n"
        if let closing {
            out += MarkdownLite.htmlBlocks(Array(blocks[closing..<(blocks.count - 1)]))
        }
        if !facts.contact.name.isEmpty { out += "<p class=\"signatory\">\(MarkdownLite.escaped(facts.contact.name))</p>\n" }
        out += contactLines(facts.contact, name: false)
        out += "</footer>\n"
        if !footer.isEmpty { out += "<aside class=\"register-reference\">\n" + MarkdownLite.htmlBlocks(footer) + "</aside>\n" }
        return out + "</article>\n</body>\n</html>\n"
    }

    /// Where the closing starts: the templates end the body with a closing phrase and our name on its own
    /// line. When the last paragraph is our name, it and the paragraph before it become the signature block;
    /// otherwise (a template without a closing) the frame signs with our name alone.
    private static func signatureStart(_ blocks: [MarkdownBlock], name: String) -> Int? {
        guard blocks.count >= 2, case .paragraph(let last) = blocks[blocks.count - 1],
            MarkdownLite.plain(last) == name.split(whereSeparator: MarkdownBlock.isLineBreak).joined(separator: " "),
            case .paragraph = blocks[blocks.count - 2]
        else { return nil }
        return blocks.count - 2
    }

    private static func letterhead(_ contact: NoticeFacts.Contact) -> String {
        let name = contact.name.isEmpty ? "" : "<p class=\"sender-name\">\(MarkdownLite.escaped(contact.name))</p>\n"
        let lines = name + contactLines(contact, name: true)
        return lines.isEmpty ? "" : "<header class=\"letterhead\">\n" + lines + "</header>\n"
    }

    /// Our address, e-mail and phone, each on its own line; the e-mail as a link, the phone unbroken.
    private static func contactLines(_ contact: NoticeFacts.Contact, name: Bool) -> String {
        var lines: [String] = []
        if name, let address = contact.address, !address.isEmpty { lines.append(MarkdownLite.escaped(address)) }
        if !contact.email.isEmpty {
            let email = MarkdownLite.escaped(contact.email)
            lines.append("<a href=\"mailto:\(email)\">\(email)</a>")
        }
        if let phone = contact.phone, !phone.isEmpty {
            lines.append("<span class=\"nowrap\">\(MarkdownLite.escaped(phone))</span>")
        }
        return lines.isEmpty ? "" : "<p class=\"contact\">" + lines.joined(separator: "<br>\n") + "</p>\n"
    }

    private static func addressee(_ customer: NoticeFacts.CustomerRef, words: LetterWords) -> String {
        var out = "<address class=\"addressee\">\n<span class=\"recipient-name\">\(MarkdownLite.escaped(customer.name))</span><br>\n"
        out += MarkdownLite.escaped(words.attention)
        if !customer.emails.isEmpty {
            out += "<br>\n" + customer.emails.map { MarkdownLite.escaped($0) }.joined(separator: ", ")
        }
        return out + "\n</address>\n"
    }
}
