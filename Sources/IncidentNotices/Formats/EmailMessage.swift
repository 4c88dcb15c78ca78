/// A notice as an RFC 5322 message (`.eml`) that mail clients open as an unsent draft.
///
/// Addresses are checked when the message is made; names and subject are cleaned of control
/// characters when it is rendered, so no value can add a header of its own.
public struct EmailMessage: Equatable, Sendable {
    /// A display name and an address, as in `From: Name <address>`.
    public struct Mailbox: Equatable, Sendable {
        public let name: String
        public let address: String

        /// A mailbox; an empty name gives the bare address.
        public init(name: String, address: String) {
            self.name = name
            self.address = address
        }
    }

    /// An address or message ID that fails `EmailMessage.isValidAddress(_:)`.
    public struct InvalidAddress: Error, Equatable, Sendable, CustomStringConvertible {
        public let address: String
        public let field: String

        /// The refused value and the header it was meant for.
        public init(_ address: String, field: String = "address") {
            self.address = address
            self.field = field
        }

        public var description: String {
            "\(field): \(address.debugDescription) is not an address a notice can go to; give one plain address "
                + "such as privacy@example.org, without a name, spaces, quotes, angle brackets, commas or semicolons"
        }
    }

    public let from: Mailbox
    public let to: [String]
    public let subject: String
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// The customer's zone, in seconds east of UTC; the `Date:` header shows local time there.
    public let utcOffsetSeconds: Int
    /// The Message-ID without angle brackets, such as `20261123.inc-42@notices.example.org`.
    public let messageID: String
    public let textBody: String
    public let htmlBody: String
    /// The language both bodies are written in (`Content-Language`), or nil to leave it unsaid.
    public let language: String?
    /// Copies (`Cc:`), such as our DPO.
    public let cc: [String]
    /// Where replies go (`Reply-To:`), such as our security contact.
    public let replyTo: String?
    /// The Message-ID this message follows (`In-Reply-To:`), so mail clients put it in the same thread.
    public let inReplyTo: String?
    /// The thread so far, oldest first (`References:`).
    public let references: [String]

    /// A message; throws `InvalidAddress` for a bad sender, recipient or message ID.
    public init(
        from: Mailbox, to: [String], subject: String, seconds: Int64, utcOffsetSeconds: Int,
        messageID: String, textBody: String, htmlBody: String, language: String? = nil,
        cc: [String] = [], replyTo: String? = nil, inReplyTo: String? = nil, references: [String] = []
    ) throws {
        guard Self.isValidAddress(from.address) else { throw InvalidAddress(from.address, field: "From") }
        if let bad = to.first(where: { !Self.isValidAddress($0) }) { throw InvalidAddress(bad, field: "To") }
        if let bad = cc.first(where: { !Self.isValidAddress($0) }) { throw InvalidAddress(bad, field: "Cc") }
        if let replyTo, !Self.isValidAddress(replyTo) { throw InvalidAddress(replyTo, field: "Reply-To") }
        guard Self.isValidMessageID(messageID) else { throw InvalidAddress(messageID, field: "Message-ID") }
        if let bad = ([inReplyTo].compactMap { $0 } + references).first(where: { !Self.isValidMessageID($0) }) {
            throw InvalidAddress(bad, field: "In-Reply-To")
        }
        self.cc = cc
        self.replyTo = replyTo
        self.inReplyTo = inReplyTo
        self.references = references
        self.from = from
        self.to = to
        self.subject = subject
        self.seconds = seconds
        self.utcOffsetSeconds = utcOffsetSeconds
        self.messageID = messageID
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.language = language
    }

    /// The message with CRLF line endings: headers, then a plain-text and an HTML alternative.
    public func rendered() -> String {
        let boundary = self.boundary
        var sender = from.name.isEmpty ? [] : MIMEHeader.displayNameTokens(from.name)
        sender.append("<\(from.address)>")
        var lines = [MIMEHeader.field("From", sender)]
        // No recipients is allowed: the draft opens and the sender fills them in.
        if !to.isEmpty {
            lines.append(MIMEHeader.field("To", to.enumerated().map { $0 < to.count - 1 ? $1 + "," : $1 }))
        }
        if !cc.isEmpty { lines.append(MIMEHeader.field("Cc", cc.enumerated().map { $0 < cc.count - 1 ? $1 + "," : $1 })) }
        if let replyTo { lines.append("Reply-To: " + replyTo) }
        lines += [
            MIMEHeader.field("Subject", MIMEHeader.textTokens(subject)),
            "Date: " + RFC5322Date.string(seconds: seconds, utcOffsetSeconds: utcOffsetSeconds),
            "Message-ID: <\(messageID)>",
        ]
        if let inReplyTo { lines.append("In-Reply-To: <\(inReplyTo)>") }
        if !references.isEmpty { lines.append(MIMEHeader.field("References", references.map { "<\($0)>" })) }
        lines += [
            "MIME-Version: 1.0"
        ]
        // RFC 3282: lets the mail client (and a screen reader) know the language of the text, as `lang` does in the HTML.
        if let language { lines.append("Content-Language: " + MarkdownLite.languageTag(language)) }
        lines += [
            // Outlook, Thunderbird and Apple Mail open a message with this header as a draft to send.
            "X-Unsent: 1",
            MIMEHeader.field("Content-Type", ["multipart/alternative;", "boundary=\"\(boundary)\""]),
            "",
            "This is a message in MIME format.",
        ]
        for (type, body) in [("text/plain", textBody), ("text/html", htmlBody)] {
            lines += [
                "--" + boundary,
                "Content-Type: \(type); charset=utf-8",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                QuotedPrintable.encode(body),
            ]
        }
        lines.append("--" + boundary + "--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Starts with `=_`, which quoted-printable never writes (an `=` is always followed by two hex
    /// digits or a line break), so the boundary cannot occur in either body. The hash only keeps
    /// boundaries of different notices apart; output stays deterministic for golden files.
    var boundary: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in (messageID + subject + textBody + htmlBody).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "=_incident_" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
