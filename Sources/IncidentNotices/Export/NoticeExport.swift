import Foundation
import IncidentCore

public enum NoticeExport {
    /// The notice in one format. The stored Markdown is the text the counsel approved; every other
    /// format is derived from it, so they all say the same thing.
    ///
    /// `sendingAt` dates the HTML letter and the e-mail's `Date:` header for sending; without it they carry
    /// the drafting time, and the same version always gives the same bytes. `annex` carries what the
    /// controller annex reads beyond the notice (the incident's events, the customers' regions); without it
    /// the annex states no breach type, sending or country.
    public static func render(
        _ draft: NoticeVersion, as format: NoticeFormat, sendingAt: Timestamp? = nil, annex: AnnexContext? = nil
    ) throws -> String {
        switch format {
        case .md: return draft.markdown
        case .txt: return MarkdownLite.plainText(draft.markdown)
        case .html: return NoticeLetter.html(draft, dated: sendingAt ?? draft.facts.draftedAt)
        case .eml: return try email(draft, sendingAt: sendingAt).rendered()
        case .json: return try json(draft)
        case .edpb: return try (annex ?? AnnexContext(events: [], regions: [:])).render(draft)
        }
    }

    static func email(_ draft: NoticeVersion, sendingAt: Timestamp? = nil) throws -> EmailMessage {
        let facts = draft.facts
        guard !facts.contact.email.isEmpty else {
            throw InputError(
                field: .organisation,
                problem: "our e-mail address is not set, so a .eml has no sender (set it, then draft the notice again)",
                next: .setOrganisation)
        }
        let zone = TimeZone(identifier: facts.customer.timeZone) ?? TimeZone(identifier: "UTC")!
        let date = sendingAt ?? facts.draftedAt
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(date.seconds)))
        // Both bodies come from the same blocks: parsed once.
        let blocks = MarkdownBlock.parse(draft.markdown)
        do {
            return try EmailMessage(
                from: .init(name: facts.contact.name, address: facts.contact.email), to: facts.customer.emails, subject: draft.subject,
                seconds: date.seconds, utcOffsetSeconds: offset,
                messageID: messageID(facts, version: facts.version),
                textBody: MarkdownLite.plainText(blocks),
                htmlBody: NoticeLetter.html(draft, dated: date, parsed: blocks), language: facts.language,
                cc: facts.contact.dpoEmail.map { [$0] } ?? [], replyTo: facts.contact.email,
                // An update or final notice follows the last one this customer was sent, in the same thread.
                inReplyTo: facts.changesSinceVersion.map { messageID(facts, version: $0) },
                references: facts.changesSinceVersion.map { [messageID(facts, version: $0)] } ?? [])
        } catch let error as EmailMessage.InvalidAddress {
            throw InputError(field: Field(error.field), problem: "\(error.address) cannot be used in a mail header")
        }
    }

    /// `INC-2026-0001.acme-gmbh.v2@processor.example`: in our own mail domain, and the same every time the same
    /// version is exported, so a later notice can name the one it follows.
    static func messageID(_ facts: NoticeFacts, version: Int) -> String {
        let domain = facts.contact.email.split(separator: "@").last.map(String.init) ?? "incident-register.invalid"
        return "\(facts.incidentId).\(facts.customer.slug).v\(version)@\(domain)"
    }

    static func json(_ draft: NoticeVersion) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(NoticeJSON(draft: draft)), as: UTF8.self) + "\n"
    }
}
