/// The bad values of the hostile-input corpus, one list per kind of option.
///
/// Every value here must be refused wherever an option of its kind takes it. Two tiers use them: the rule
/// tests check each value in process against the check its option goes through (`HostileInputRulesTests` in
/// IncidentCoreTests, `TemplateSetTests` in IncidentNoticesTests), and the end-to-end tests run the binary on
/// a sample of them (fast tier) or on all of them, singly and in pairs (`HostileInputTests`, slow tier).
public enum HostileValues {
    /// Times no time option accepts: no offset, malformed, impossible, out of range, or in the future.
    public static let times: [String] = [
        "", " ", "yesterday", "now-1", "2026-11-23", "2026-11-23T14:05:00", "2026-11-23 14:05", "2026-13-01T00:00:00Z",
        "2026-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T14:60:00Z", "2026-11-23T14:05:61Z",
        "2026-11-23T14:05:00+25:00", "2026-11-23T14:05:00Zjunk", "20261123T140500Z", "2999-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
        "0000-01-01T00:00:00Z", "9999-99-99T99:99:99Z", "2026-11-23T14:05:00.Z", "٢٠٢٦-11-23T14:05:00Z", "2026‐11‐23T14:05:00Z",
        "+2026-11-23T14:05:00Z", "2026-11-23T14:05:00 Z", "2026-11-23T14:05:00+01", "2026-11-23T14:05:00+0100x", "T14:05:00Z",
        "2026-11-23T", "NaN", "1700000000", "2026/11/23 14:05Z", "Mon, 23 Nov 2026 14:05:00 +0000", "2026-11-23T14:05:00\u{1}Z",
        "2026-11-23T14:05:00\u{202E}Z", "2026-11-23T14:05:00+01:00:00", "2026-W48-1T14:05:00Z", "2026-327T14:05:00Z", "\u{FFFD}",
    ]

    /// Text that no text option accepts: empty, control characters, bidirectional controls, replacement characters, too long.
    public static let texts: [String] = {
        // 100,001 characters is over every option's limit and still under the kernel's 128 KiB per argument.
        var values = ["", "   ", "\n\n", "\t \n", "\u{FFFD}", "ok\u{FFFD}", String(repeating: "x", count: 100_001)]
        // No NUL: an argument cannot carry one.
        // VT, FF, CR and NEL are line breaks: paragraphs turn them into LF, one-line fields refuse them (`lineTexts`).
        for scalar in Array(0x01...0x08) + Array(0x0E...0x1F) + [0x7F] + Array(0x80...0x84) + Array(0x86...0x9F) {
            values.append("text\(Character(Unicode.Scalar(scalar)!))here")
        }
        for scalar in Array(0x202A...0x202E) + Array(0x2066...0x2069) {
            values.append("invoice\(Character(Unicode.Scalar(scalar)!))fdp.exe")
        }
        return values
    }()

    /// Text no one-line option accepts: the above, and every kind of line break (issue 10, class 2), each placed
    /// where it would forge a heading in a notice if it got through.
    public static let lineTexts: [String] =
        texts
        + ["\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\n"].map {
            "Breach\($0)## 7. Who to contact"
        }

    /// Not a category of personal data (`--data-category`).
    public static let dataCategories = [
        "emial", "EMAIL ADDRESSES", "other:", "other:   ", "other:\u{7}", "names\u{202E}", "", "names;ip-addresses",
        String(repeating: "n", count: 300), "end-users", "other:" + String(repeating: "x", count: 121),
    ]
    /// Not a category of data subjects (`--subject-category`).
    public static let subjectCategories = ["robots", "end-user", "other:", "chat-transcripts", "", "END USERS!"]

    /// Not an incident id.
    public static let ids = [
        "", "INC", "INC-2026", "INC-2026-0", "INC-+202-1", "INC-2026-0001x", "INC-2026-0001\n", "INC-20266-1", "2026-0001",
        "INC_2026_0001", "INC-2026--1", "INC-2026-0001 OR 1=1", "../INC-2026-0001",
    ]
    /// Well-formed ids of incidents the corpus's register does not hold (exit 66, from the register).
    public static let unknownIDs = ["INC-2026-9999"]

    /// Counts (`--records`, `--subjects`) outside zero to 100,000,000,000.
    public static let counts: [Int] = [-5, -1, 100_000_000_001]
    /// Values for a whole-number option that are not whole numbers; the argument parser refuses them (exit 64).
    public static let notWholeNumbers = ["abc", "x", "1e3", "1.5", "99999999999999999999"]
    /// Hours (`--notice-hours`, `--update-hours`) outside 1 to 8760.
    public static let hours: [Int] = [0, 8761, -1]
    /// Notice versions a customer with one drafted version does not have (`notice sent --version`).
    public static let versions: [Int] = [0, 99, -1]

    public static let emails = [
        "not-an-address", "a@b", "a b@c.example", "<a@b.example>", "a@b.example\r\nBcc: x@y.example", "a@-b.example", "",
        "a@b..example", "a@b.example,c@d.example", "\"q\"@b.example", "a@b.example\u{202E}",
    ]
    /// Not a customer slug.
    /// Regions and services (`customer add --region`, `subprocessor add --service`): scope terms that are not.
    public static let scopeTerms = [
        "", "EU US", "eu;us", "-eu", "1eu", String(repeating: "a", count: 33), "eu\u{7}", "éu", "eu\n", "eu_west",
    ]
    public static let slugs = ["", "Acme GmbH", "acme_gmbh", "-acme", "acme/../x", String(repeating: "a", count: 64), "acme\u{7}", "äcme"]
    /// Well-formed slugs of no customer in the corpus's register.
    public static let unknownCustomers = ["nobody"]
    /// A customer in the corpus's register that the incident does not affect.
    public static let unaffectedCustomers = ["globex"]

    /// Not an IANA time zone. Only the CLI can check these (it reads the zone database), so no rule test covers them.
    public static let timeZones = ["Mars/Olympus", "", "Europe/Berlinn", "../../etc/passwd", "Europe/Berlin\u{7}"]
    public static let languages = ["english", "e", "en_US", "123", "en-", "", "en\u{202E}"]
    public static let severities = ["apocalyptic", "", "HIGHEST", "1"]
    public static let actionKinds = ["containmen", "", "fix"]
    /// Not one of the three breach types (`--breach-type`).
    public static let breachTypes = ["secrecy", "", "confidentiality,integrity", "availability\n", "CIA"]
    public static let noticeKinds = ["initiall", "", "FINALE", "draft"]
    /// Not a phase `reopen --to` can return to.
    public static let phases = ["closed", "nowhere", "", "CONTAIN!"]
    /// Not a folder of templates (`--templates`): the notices library refuses these with exit 78.
    public static let templateFolders = ["/nonexistent/folder", "/etc/passwd"]

    /// A value as a reader can see it in a test log: invisible characters escaped, long ones cut.
    public static func shown(_ text: String) -> String {
        let escaped = text.unicodeScalars.map { scalar -> String in
            let v = scalar.value
            let invisible =
                v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0xFFFD
            return invisible ? "\\u{\(String(v, radix: 16, uppercase: true))}" : String(scalar)
        }.joined()
        return escaped.count > 60 ? "\"\(escaped.prefix(20))…\" (\(text.count) characters)" : "\"\(escaped)\""
    }
}
