/// One version of one customer's notice: the facts it was built from, the template, the text, and (once the
/// register has it) when it was drafted and sent. The one type a notice has, from drafting to export.
///
/// Only the drafted content is the `notice-drafted` event's body; the stamps come from the events that the
/// register keeps beside it, so they are not encoded.
public struct NoticeVersion: Codable, Equatable, Sendable {
    public var customer: String
    public var version: Int
    public var kind: NoticeKind
    /// Which template files made the text (shipped, or from an override folder).
    public var template: String
    public var subject: String
    /// The text counsel reviews; every export format is derived from it.
    public var markdown: String
    public var facts: NoticeFacts
    /// When and by whom it was drafted; nil until the register has recorded it.
    public var drafted: Stamp?
    /// When, by whom and how it was sent; nil until it is marked sent.
    public var sent: Sending?

    public init(
        customer: String, version: Int, kind: NoticeKind, template: String, subject: String, markdown: String,
        facts: NoticeFacts, drafted: Stamp? = nil, sent: Sending? = nil
    ) {
        self.customer = customer
        self.version = version
        self.kind = kind
        self.template = template
        self.subject = subject
        self.markdown = markdown
        self.facts = facts
        self.drafted = drafted
        self.sent = sent
    }

    private enum CodingKeys: String, CodingKey { case customer, version, kind, template, subject, markdown, facts }

    /// `INC-2026-0001-acme-gmbh-v2-update`: sorts by incident, customer and version; the caller adds the extension.
    public var baseName: String { Self.baseName(incident: facts.incidentId, customer: customer, version: version, kind: kind) }

    /// The same name from the summary columns alone, without reading the stored facts.
    public static func baseName(incident: String, customer: String, version: Int, kind: NoticeKind) -> String {
        "\(incident)-\(customer)-v\(version)-\(kind.rawValue)"
    }
}

/// Who did something to a notice, and when.
public struct Stamp: Equatable, Sendable {
    public var at: Timestamp
    public var by: String

    public init(at: Timestamp, by: String) {
        self.at = at
        self.by = by
    }
}

/// A notice version's sending record.
public struct Sending: Equatable, Sendable {
    public var at: Timestamp
    public var by: String
    public var via: String?

    public init(at: Timestamp, by: String, via: String?) {
        self.at = at
        self.by = by
        self.via = via
    }
}
