import Foundation
import Testing

/// The notice as a letter and a mail draft, read the way a customer's DPO's tools read them: the `.eml` through
/// Python's `email` package, the HTML in a real browser (slow tier, when Chromium is installed).
@Suite("End to end: letters and mail drafts")
struct LetterTests {
    /// The notice world on a practice register whose clock is pinned at `clock`, with our phone number set.
    static func world(clock: String = "2026-11-23T12:00:00Z") throws -> (CLI, String) {
        let (cli, id) = try NoticeFlowTests.world(clock: clock)
        try cli.ok(["org", "set", "--phone", "+44 20 7946 0000", "--address", "1 Example Street, London EC1A 1AA"])
        try cli.ok(["notice", "draft", id, "--all"])
        return (cli, id)
    }

    @Test(".eml: Date is the drafting time, or the export time with --for-sending; the phone number is never wrapped")
    func dateHeader() throws {
        let (cli, id) = try Self.world()
        defer { cli.remove() }
        let eml = try cli.ok(["notice", "export", id, "--customer", "acme-gmbh", "--format", "eml"])
        // Drafted at the pinned 12:00 UTC; Acme is in Berlin (UTC+01:00 in November).
        #expect(try MailParser.python(eml, "print(m['Date'].datetime.isoformat())") == "2026-11-23T13:00:00+01:00")
        var later = cli
        later.environment["INCIDENT_CLOCK"] = "2026-11-23T15:30:00Z"
        let sending = try later.ok(["notice", "export", id, "--customer", "globex", "--format", "eml", "--for-sending"])
        #expect(try MailParser.python(sending, "print(m['Date'].datetime.isoformat())") == "2026-11-23T10:30:00-05:00")
        #expect(
            try MailParser.python(sending, "print(m.get_body(('html',)).get_content())").contains("<p class=\"date\">23 November 2026</p>"))
        // The text part: a phone number keeps its no-break spaces, so no line ends inside it.
        let text = try MailParser.plainBody(eml)
        #expect(text.contains("+44\u{A0}20\u{A0}7946\u{A0}0000"))
        for line in text.split(separator: "\n") where line.contains("+44") || line.contains("7946") {
            #expect(line.contains("+44\u{A0}20\u{A0}7946\u{A0}0000"), "a wrapped phone number: \(line)")
        }
        let refused = try cli.run(["notice", "export", id, "--customer", "acme-gmbh", "--format", "md", "--for-sending"])
        #expect(refused.status == 64)
        #expect(refused.stdout.isEmpty)
    }

    @Test("HTML: a letter with letterhead, addressee, date, reference, signature and a print style sheet")
    func letter() throws {
        let (cli, id) = try Self.world()
        defer { cli.remove() }
        let html = try cli.ok(["notice", "export", id, "--customer", "globex", "--format", "html"])
        for part in [
            "<header class=\"letterhead\">", "<p class=\"sender-name\">Example Processor Ltd</p>", "1 Example Street, London EC1A 1AA",
            "<a href=\"mailto:security@processor.example\">", "<span class=\"nowrap\">+44 20 7946 0000</span>",
            "<address class=\"addressee\">", "Globex Corporation", "For the attention of the data protection officer",
            "<p class=\"date\">23 November 2026</p>", "<span class=\"label\">Our reference:</span> <span class=\"id\">\(id)</span>",
            "<footer class=\"signature\">", "Yours faithfully,", "<p class=\"signatory\">Example Processor Ltd</p>",
            "<aside class=\"register-reference\">", "@media print", "@page { size: A4",
            "@bottom-left { content: \"Our reference: \(id), notice 1 (initial notice)\";", "counter(page) \" / \" counter(pages)",
            "All times are America/New_York time (UTC-05:00).",
        ] {
            #expect(html.contains(part), "missing \(part)")
        }
        #expect(!html.contains("<hr>"))
        #expect(!html.contains("---"))
        #expect(!html.contains("(America/New_York)"), "the zone is named once, not after every time")
        // Every incident id in the page (after the <title>) is kept on one line.
        let body = try #require(html.components(separatedBy: "<body>").last)
        #expect(body.components(separatedBy: id).count - 1 == body.components(separatedBy: "<span class=\"id\">\(id)</span>").count - 1)
    }

    @Test(
        "HTML renders in Chromium: the screenshot is not blank", .tags(.slow), .enabled(if: SlowTier.isEnabled, SlowTier.note),
        .enabled(if: Chromium.path != nil, "Chromium is not installed (apt-get install chromium)"))
    func rendered() throws {
        let (cli, id) = try Self.world()
        defer { cli.remove() }
        let page = cli.folder + "/notice.html"
        try cli.ok(["notice", "export", id, "--customer", "acme-gmbh", "--format", "html"]).write(
            toFile: page, atomically: true, encoding: .utf8)
        let png = cli.folder + "/notice.png"
        try Chromium.screenshot(page, to: png)
        let inked = try Python.run(
            """
            import struct, sys, zlib
            data = open('\(png)', 'rb').read()
            assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
            pos, idat, width, height = 8, b'', 0, 0
            while pos < len(data):
                length, kind = struct.unpack('>I4s', data[pos:pos + 8])
                body = data[pos + 8:pos + 8 + length]
                if kind == b'IHDR': width, height = struct.unpack('>II', body[:8])
                if kind == b'IDAT': idat += body
                pos += 12 + length
            raw = zlib.decompress(idat)
            print(width, height, len(set(raw)))
            """, stdin: "")
        let numbers = inked.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(numbers.count == 3)
        #expect(numbers.first == 1000)
        // A blank page compresses to a handful of byte values; text, rules and anti-aliasing give many.
        #expect((numbers.last ?? 0) > 50, "the screenshot looks blank: \(inked)")
    }
}

/// Headless Chromium from Debian's package, for looking at an HTML notice the way a browser shows it.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static func screenshot(_ page: String, to png: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--screenshot=\(png)", "--window-size=1000,1400",
            "file://" + page,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "chromium failed")
        #expect(FileManager.default.fileExists(atPath: png), "chromium wrote no screenshot")
    }
}
