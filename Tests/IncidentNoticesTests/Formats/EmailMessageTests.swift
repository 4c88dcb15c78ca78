import Foundation
import Testing

@testable import IncidentNotices

/// A notice email with sensible defaults; tests change only what they are about.
func sampleMessage(
    subject: String = "Security incident notice", name: String = "Datenschutz-Team",
    to: [String] = ["anna@example.com", "ben.mueller+notices@kunden.example.org"],
    text: String = "Hello,\n\nwe found a problem.\n", html: String = "<p>Hello</p>\n"
) throws -> EmailMessage {
    try EmailMessage(
        from: .init(name: name, address: "privacy@shop.example"), to: to, subject: subject,
        seconds: 1_795_421_100, utcOffsetSeconds: 3600, messageID: "inc-42.20261123@notices.shop.example",
        textBody: text, htmlBody: html)
}

@Suite struct EmailMessageTests {
    static let subjects = [
        "Security incident notice",
        "Sicherheitsvorfall: Übermittlung – ÄÖÜ ß 日本語",
        String(repeating: "Wichtige Information zu Ihrem Kundenkonto ", count: 8),
        String(repeating: "日本語の通知", count: 30),
        "Hi\r\nBcc: evil@example.com",
        "x" + String(repeating: "y", count: 120),
        "literal =?UTF-8?B?SGk=?= text",
        "  padded\tand\u{7}belled  ",
        "👩‍👩‍👧‍👦 family emoji and e\u{301} combining",
    ]

    @Test(arguments: subjects)
    func linesAreShortAndEndInCRLF(subject: String) throws {
        let eml = try sampleMessage(subject: subject, name: subject, text: String(repeating: "Zeile ", count: 400)).rendered()
        let bytes = Array(eml.utf8)
        for (i, byte) in bytes.enumerated() where byte == 10 { #expect(i > 0 && bytes[i - 1] == 13, "bare LF at \(i)") }
        for (i, byte) in bytes.enumerated() where byte == 13 { #expect(i + 1 < bytes.count && bytes[i + 1] == 10, "bare CR at \(i)") }
        #expect(eml.hasSuffix("--\r\n"))
        let lines = eml.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 998 })
        let headerLines = lines.prefix { !$0.isEmpty }
        for line in headerLines { #expect(line.utf8.count <= 78, "\(line)") }
        #expect(headerLines.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII } })
        for word in eml.components(separatedBy: .whitespacesAndNewlines) where word.hasPrefix("=?") { #expect(word.count <= 75) }
    }

    @Test(arguments: subjects)
    func subjectAndNameRoundTrip(subject: String) throws {
        let eml = try sampleMessage(subject: subject, name: subject).rendered()
        let expected = MIMEHeader.cleaned(subject)
        #expect(MIMEDecoding.decodeWords(try #require(MIMEDecoding.header("Subject", in: eml))) == expected)
        let from = try #require(MIMEDecoding.header("From", in: eml))
        #expect(from.hasSuffix(" <privacy@shop.example>"))
        var name = MIMEDecoding.decodeWords(String(from.dropLast(" <privacy@shop.example>".count)))
        if name.hasPrefix("\"") { name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"") }
        #expect(name == MIMEHeader.cleanedName(subject))
    }

    @Test func germanSubjectIsEncodedAndDecodes() throws {
        let subject = "Sicherheitsvorfall: Übermittlung – ÄÖÜ ß 日本語"
        let eml = try sampleMessage(subject: subject).rendered()
        #expect(eml.contains("Subject: =?UTF-8?B?"))
        #expect(MIMEDecoding.decodeWords(try #require(MIMEDecoding.header("Subject", in: eml))) == subject)
    }

    @Test func headerInjectionAddsNoHeader() throws {
        let attack = "Hi\r\nBcc: evil@example.com"
        for message in [
            try sampleMessage(subject: attack), try sampleMessage(name: attack), try sampleMessage(subject: attack, name: attack),
        ] {
            let eml = message.rendered()
            let lines = eml.components(separatedBy: "\r\n")
            #expect(!lines.contains { $0.lowercased().hasPrefix("bcc") })
            if message.subject == attack {
                #expect(MIMEDecoding.decodeWords(MIMEDecoding.header("Subject", in: eml)!) == "Hi  Bcc: evil@example.com")
            }
            #expect(
                MIMEDecoding.headers(eml).map(\.name) == [
                    "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "X-Unsent", "Content-Type",
                ])
        }
    }

    @Test(arguments: [
        ("Datenschutz-Team", "From: Datenschutz-Team <privacy@shop.example>"),
        ("Security Team, ACME Inc.", "From: \"Security Team, ACME Inc.\" <privacy@shop.example>"),
        ("Anna \"AJ\" Jones", "From: \"Anna \\\"AJ\\\" Jones\" <privacy@shop.example>"),
        ("", "From: <privacy@shop.example>"),
    ])
    func asciiNamesAreQuotedWhenNeeded(name: String, line: String) throws {
        #expect(try sampleMessage(name: name).rendered().hasPrefix(line + "\r\n"))
    }

    @Test func fixedHeaders() throws {
        let eml = try sampleMessage().rendered()
        #expect(eml.contains("\r\nTo: anna@example.com, ben.mueller+notices@kunden.example.org\r\n"))
        #expect(eml.contains("\r\nDate: Mon, 23 Nov 2026 09:05:00 +0100\r\n"))
        #expect(eml.contains("\r\nMessage-ID: <inc-42.20261123@notices.shop.example>\r\n"))
        #expect(eml.contains("\r\nMIME-Version: 1.0\r\nX-Unsent: 1\r\nContent-Type: multipart/alternative; boundary=\"=_incident_"))
    }

    static let dates: [(Int64, Int, String)] = [
        (1_795_421_100, 3600, "Mon, 23 Nov 2026 09:05:00 +0100"),
        (0, 0, "Thu, 01 Jan 1970 00:00:00 +0000"),
        (0, -18_000, "Wed, 31 Dec 1969 19:00:00 -0500"),
        (1_709_251_199, 19_800, "Fri, 01 Mar 2024 05:29:59 +0530"),
        (1_709_251_199, 0, "Thu, 29 Feb 2024 23:59:59 +0000"),
        (-86_400 * 365, -34_200, "Tue, 31 Dec 1968 14:30:00 -0930"),
    ]

    @Test(arguments: dates)
    func dateHeader(seconds: Int64, offset: Int, expected: String) {
        #expect(RFC5322Date.string(seconds: seconds, utcOffsetSeconds: offset) == expected)
    }

    @Test(arguments: [
        "Hello,\n\nwe found a problem.\n",
        "Line with trailing spaces   \nand a tab\t\n= sign == and =3D literal\n",
        String(repeating: "Übermittlung ÄÖÜ ß 日本語 👩‍👩‍👧‍👦 ", count: 20),
        String(repeating: "a", count: 75) + "\n" + String(repeating: "b", count: 76) + "\n" + String(repeating: "=", count: 77),
        "windows\r\nline\r\nendings\r\n",
        "--=_incident_0000000000000000\n--=_incident_ fake boundary\n",
        "",
    ])
    func bodiesRoundTripThroughQuotedPrintable(body: String) throws {
        let eml = try sampleMessage(text: body, html: "<p>" + body + "</p>").rendered()
        let parts = MIMEDecoding.parts(eml)
        try #require(parts.count == 2)
        #expect(parts[0].head.contains("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable"))
        #expect(parts[1].head.contains("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable"))
        let normalised = { (s: String) in s.replacingOccurrences(of: "\r\n", with: "\n") }
        #expect(normalised(MIMEDecoding.decodeQuotedPrintable(parts[0].body)) == normalised(body))
        #expect(normalised(MIMEDecoding.decodeQuotedPrintable(parts[1].body)) == normalised("<p>" + body + "</p>"))
        for line in (parts[0].body + "\r\n" + parts[1].body).components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76)
            #expect(line.last != " " && line.last != "\t")
            #expect(line.unicodeScalars.allSatisfy { $0.isASCII })
        }
        let boundary = try sampleMessage(text: body, html: "<p>" + body + "</p>").boundary
        #expect(eml.components(separatedBy: boundary).count == 5)  // Content-Type, two openers, the closer
    }

    @Test(arguments: [
        "", "no-at-sign", "a@b@example.com", "a b@example.com", "<a@example.com>", "Anna <a@example.com>",
        "a@example.com,b@example.com", "a@example.com;b@example.com", "\"a\"@example.com",
        "a@example.com\r\nBcc: evil@example.com", "a@example.com\n", ".a@example.com", "a.@example.com",
        "a..b@example.com", "a@localhost", "a@-example.com", "a@example..com", "a@example.com.",
        "ä@example.com", "a@exämple.com", "a@[127.0.0.1]", "(comment)a@example.com", "a\\b@example.com",
        String(repeating: "a", count: 65) + "@example.com",
    ])
    func invalidAddressesAreRefused(address: String) {
        #expect(!EmailMessage.isValidAddress(address))
        #expect(throws: EmailMessage.InvalidAddress(address, field: "To")) { try sampleMessage(to: [address]) }
        #expect(throws: EmailMessage.InvalidAddress.self) {
            try EmailMessage(
                from: .init(name: "x", address: address), to: [], subject: "s", seconds: 0,
                utcOffsetSeconds: 0, messageID: "a@b", textBody: "", htmlBody: "")
        }
    }

    @Test(arguments: ["a@example.com", "first.last+tag@sub.example.org", "o'brien@example.ie", "x_1-2@a-b.co"])
    func plainAddressesAreAccepted(address: String) {
        #expect(EmailMessage.isValidAddress(address))
    }

    @Test(arguments: ["<id@host>", "id @host", "id@host\r\nBcc: x@y.z", "no-at", ""])
    func badMessageIDsAreRefused(id: String) {
        #expect(throws: EmailMessage.InvalidAddress(id, field: "Message-ID")) {
            try EmailMessage(
                from: .init(name: "", address: "a@example.com"), to: [], subject: "s", seconds: 0,
                utcOffsetSeconds: 0, messageID: id, textBody: "", htmlBody: "")
        }
    }
}
