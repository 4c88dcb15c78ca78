import Foundation

/// Generated bad input for every write command: each case has at least one value that must be refused.
struct HostileCase: Sendable {
    var arguments: [String]
    var stdin: String?
    /// Files (relative path → bytes) the case needs, written before it runs.
    var files: [String: [UInt8]] = [:]
}

enum HostileCorpus {
    static let id = "INC-2026-0001"

    static let times: [String] = [
        "", " ", "yesterday", "now-1", "2026-11-23", "2026-11-23T14:05:00", "2026-11-23 14:05", "2026-13-01T00:00:00Z",
        "2026-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T14:60:00Z", "2026-11-23T14:05:61Z",
        "2026-11-23T14:05:00+25:00", "2026-11-23T14:05:00Zjunk", "20261123T140500Z", "2999-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
        "0000-01-01T00:00:00Z", "9999-99-99T99:99:99Z", "2026-11-23T14:05:00.Z", "٢٠٢٦-11-23T14:05:00Z", "2026‐11‐23T14:05:00Z",
        "+2026-11-23T14:05:00Z", "2026-11-23T14:05:00 Z", "2026-11-23T14:05:00+01", "2026-11-23T14:05:00+0100x", "T14:05:00Z",
        "2026-11-23T", "NaN", "1700000000", "2026/11/23 14:05Z", "Mon, 23 Nov 2026 14:05:00 +0000", "2026-11-23T14:05:00\u{1}Z",
        "2026-11-23T14:05:00\u{202E}Z", "2026-11-23T14:05:00+01:00:00", "2026-W48-1T14:05:00Z", "2026-327T14:05:00Z", "\u{FFFD}",
    ]

    /// Text that no text field accepts: empty, control characters, bidirectional controls, replacement characters, too long.
    static let texts: [String] = {
        // 100,001 characters is over every field's limit and still under the kernel's 128 KiB per argument.
        var values = ["", "   ", "\n\n", "\t \n", "\u{FFFD}", "ok\u{FFFD}", String(repeating: "x", count: 100_001)]
        // VT, FF, CR and NEL are line breaks: paragraphs turn them into LF, one-line fields refuse them (`lineTexts`).
        for scalar in Array(0x01...0x08) + Array(0x0E...0x1F) + [0x7F] + Array(0x80...0x84) + Array(0x86...0x9F) {
            values.append("text\(Character(Unicode.Scalar(scalar)!))here")
        }
        for scalar in Array(0x202A...0x202E) + Array(0x2066...0x2069) {
            values.append("invoice\(Character(Unicode.Scalar(scalar)!))fdp.exe")
        }
        return values
    }()

    /// Text that no one-line field accepts: the above, and every kind of line break (issue 10, class 2).
    static let lineTexts: [String] = texts + ["\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\n"].map {
        "Breach\($0)## 7. Who to contact"
    }

    static let categories = ["emial", "EMAIL ADDRESSES", "other:", "other:   ", "other:\u{7}", "names\u{202E}", "", "names;ip-addresses",
                             String(repeating: "n", count: 300), "end-users", "other:" + String(repeating: "x", count: 121)]
    static let subjectCategories = ["robots", "end-user", "other:", "chat-transcripts", "", "END USERS!"]
    static let ids = ["", "INC", "INC-2026", "INC-2026-0", "INC-2026-9999", "INC-+202-1", "INC-2026-0001x", "INC-2026-0001\n", "INC-20266-1",
                      "2026-0001", "INC_2026_0001", "INC-2026--1", "INC-2026-0001 OR 1=1", "../INC-2026-0001"]
    static let counts = ["--records=-5", "--records=abc", "--records=1e3", "--records=99999999999999999999", "--records=100000000001",
                         "--subjects=-1", "--subjects=x", "--subjects=100000000001"]
    static let emails = ["not-an-address", "a@b", "a b@c.example", "<a@b.example>", "a@b.example\r\nBcc: x@y.example", "a@-b.example",
                         "", "a@b..example", "a@b.example,c@d.example", "\"q\"@b.example", "a@b.example\u{202E}"]
    static let slugs = ["", "Acme GmbH", "acme_gmbh", "-acme", "acme/../x", String(repeating: "a", count: 64), "acme\u{7}", "äcme"]
    static let timeZones = ["Mars/Olympus", "", "Europe/Berlinn", "../../etc/passwd", "Europe/Berlin\u{7}"]
    static let languages = ["english", "e", "en_US", "123", "en-", "", "en\u{202E}"]
    static let hours = ["0", "8761", "--notice-hours=-1", "abc", "1.5", "99999999999999999999"]
    static let kinds = ["initiall", "", "FINALE", "draft"]
    static let phases = ["closed", "nowhere", "", "CONTAIN!"]

    static let csvFiles: [[UInt8]] = [
        Array("slug,name,email\nok-one,One,a@one.example\n".utf8) + [0xFF, 0xFE, 0x0A],
        Array("slug,name,email\nok-one,\"Unclosed,a@one.example\n".utf8),
        Array("slug,name,email\nok-one,One\n".utf8),
        Array("slug,name,email,colour\nok-one,One,a@one.example,red\n".utf8),
        Array("slug,name\nok-one,One\n".utf8),
        Array("slug,name,email\nbad slug,One,a@one.example\n".utf8),
        Array("slug,name,email\nok-one,One,not-an-address\n".utf8),
        Array("slug,name,email\nok-one,One,a@one.example\nok-one,Again,b@one.example\n".utf8),
        Array("slug,name,email\nok-one,=HYPERLINK(\"x\")\u{7},a@one.example\n".utf8),
        [0x00, 0x01, 0x02, 0xC3, 0x28],
        Array("\u{FEFF}slug,name,email,timezone\nok-one,One,a@one.example,Mars/Olympus\n".utf8),
        Array("slug,name,email,notice-hours\nok-one,One,a@one.example,-3\n".utf8),
    ]

    static let affectFiles: [[UInt8]] = [
        Array("customer,records\nacme-gmbh,12\n".utf8) + [0xC3, 0x28],
        Array("customer,records\nnobody,12\n".utf8),
        Array("customer,records\nacme-gmbh,-12\n".utf8),
        Array("customer,data-category\nacme-gmbh,emial\n".utf8),
        Array("customer,records\nacme-gmbh,\"12\n".utf8),
        Array("records\n12\n".utf8),
    ]

    /// A command's valid arguments, with named slots a case fills with one bad value (or two).
    struct Template {
        var name: String
        var base: [String]
        var slots: [(flag: String, pool: [String])]
        var files: [[UInt8]] = []
        var fileFlag: String?
    }

    static let templates: [Template] = [
        Template(name: "log", base: ["log"], slots: [
            ("--title", lineTexts), ("--nature", texts), ("--aware-at", times), ("--severity", ["apocalyptic", "", "HIGHEST", "1"]),
            ("--occurred-from", times), ("--occurred-to", times), ("--detected-at", times), ("--source", lineTexts), ("--system", lineTexts),
            ("--region", lineTexts), ("--data-category", categories), ("--subject-category", subjectCategories), ("counts", counts),
            ("--consequence", texts),
        ]),
        Template(name: "update", base: ["update", id], slots: [
            ("ID", ids), ("--note", texts), ("--action", texts), ("--consequence", texts), ("--data-category", categories),
            ("--subject-category", subjectCategories), ("counts", counts), ("--nature", texts), ("--title", lineTexts), ("--at", times),
            ("--aware-at", times), ("--severity", ["apocalyptic", ""]), ("--kind", ["containmen", "", "fix"]),
        ]),
        Template(name: "advance", base: ["advance", id], slots: [("ID", ids), ("--note", texts), ("--at", times)]),
        Template(name: "close", base: ["close", id], slots: [("ID", ids), ("--summary", texts), ("--at", times)]),
        Template(name: "reopen", base: ["reopen", id], slots: [("ID", ids), ("--to", phases), ("--reason", texts), ("--at", times)]),
        Template(name: "affect", base: ["affect", id], slots: [
            ("ID", ids), ("--customer", slugs + ["nobody"]), ("--data-category", categories), ("--subject-category", subjectCategories),
            ("counts", counts),
        ], files: affectFiles, fileFlag: "--customers-file"),
        Template(name: "unaffect", base: ["unaffect", id], slots: [("ID", ids), ("--customer", slugs + ["nobody"]), ("--reason", texts)]),
        Template(name: "customer add", base: ["customer", "add"], slots: [
            ("SLUG", slugs), ("--name", lineTexts), ("--email", emails), ("--language", languages), ("--timezone", timeZones),
            ("--notice-hours", hours),
        ]),
        Template(name: "customer import", base: ["customer", "import"], slots: [], files: csvFiles, fileFlag: "FILE"),
        Template(name: "org set", base: ["org", "set"], slots: [
            ("--name", lineTexts), ("--email", emails), ("--phone", lineTexts), ("--address", lineTexts), ("--dpo-email", emails),
            ("--notice-hours", hours), ("--update-hours", hours), ("--templates", ["/nonexistent/folder", "/etc/passwd"]),
        ]),
        Template(name: "notice draft", base: ["notice", "draft", id], slots: [
            ("ID", ids), ("--customer", slugs + ["nobody", "globex"]), ("--kind", kinds), ("--templates", ["/nonexistent/folder", "/etc/passwd"]),
        ]),
        Template(name: "notice sent", base: ["notice", "sent", id], slots: [
            ("ID", ids), ("--customer", slugs + ["nobody", "globex"]), ("--version", ["0", "99", "-1", "x"]), ("--at", times), ("--via", texts),
        ]),
    ]

    /// Valid values for every slot, so a case is the base plus exactly the bad values it names.
    static let valid: [String: String] = [
        "--title": "A title", "--nature": "What happened", "--aware-at": "2026-11-23T08:00:00Z", "--severity": "high",
        "--occurred-from": "2026-11-22T08:00:00Z", "--occurred-to": "2026-11-22T09:00:00Z", "--detected-at": "2026-11-23T07:00:00Z",
        "--source": "internal", "--system": "chat", "--region": "EU", "--data-category": "names", "--subject-category": "end-users",
        "--consequence": "c", "--note": "n", "--action": "a", "--at": "2026-11-23T09:00:00Z", "--summary": "s", "--reason": "r",
        "--to": "contain", "--customer": "acme-gmbh", "--name": "Name", "--email": "a@b.example", "--language": "en",
        "--timezone": "UTC", "--notice-hours": "24", "--update-hours": "24", "--phone": "1", "--address": "a", "--dpo-email": "d@b.example",
        "--via": "email", "--kind": "mitigation", "--version": "1",
    ]

    static func cases(for template: Template, atLeast minimum: Int = 1000) -> [HostileCase] {
        var result: [HostileCase] = []
        func build(_ bad: [(String, String)]) -> HostileCase {
            var arguments = template.base
            let badFlags = Set(bad.map(\.0))
            for (flag, value) in bad {
                switch flag {
                case "ID": arguments[template.base.count - 1] = value
                case "SLUG": arguments.append(value)
                case "counts": arguments.append(value)
                default: arguments += [flag, value]
                }
            }
            if template.name == "customer add" && !badFlags.contains("SLUG") { arguments.append("new-customer") }
            for flag in requiredFlags(template) where !badFlags.contains(flag) { arguments += [flag, valid[flag]!] }
            return HostileCase(arguments: arguments)
        }
        for slot in template.slots { for value in slot.pool { result.append(build([(slot.flag, value)])) } }
        if let fileFlag = template.fileFlag {
            for (index, bytes) in template.files.enumerated() {
                var arguments = template.base
                arguments += fileFlag == "FILE" ? ["input-\(index).csv"] : [fileFlag, "input-\(index).csv"]
                result.append(HostileCase(arguments: arguments, files: ["input-\(index).csv": bytes]))
            }
        }
        // Pairs of bad values, drawn in a fixed order, until the corpus is large enough.
        var rng = SplitMix(seed: UInt64(template.name.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        var fileIndex = 0
        while result.count < minimum {
            if template.slots.isEmpty || (template.fileFlag != nil && rng.next() % 4 == 0) {
                let bytes = template.files[fileIndex % template.files.count] + Array("\n# variant \(result.count)\n".utf8)
                fileIndex += 1
                var arguments = template.base
                let name = "input-v\(result.count).csv"
                arguments += template.fileFlag == "FILE" ? [name] : [template.fileFlag!, name]
                result.append(HostileCase(arguments: arguments, files: [name: bytes]))
                continue
            }
            let first = template.slots[Int(rng.next() % UInt64(template.slots.count))]
            let second = template.slots[Int(rng.next() % UInt64(template.slots.count))]
            var bad = [(first.flag, first.pool[Int(rng.next() % UInt64(first.pool.count))])]
            if second.flag != first.flag { bad.append((second.flag, second.pool[Int(rng.next() % UInt64(second.pool.count))])) }
            result.append(build(bad))
        }
        // Long text also arrives on standard input, with invalid UTF-8 among it.
        if template.slots.contains(where: { $0.flag == "--note" }) {
            result.append(HostileCase(arguments: template.base + ["--note", "-"], stdin: "\u{FFFD}broken"))
            result.append(HostileCase(arguments: template.base + ["--note", "-"], stdin: String(repeating: "é", count: 100_001)))
        }
        return result
    }

    private static func requiredFlags(_ template: Template) -> [String] {
        switch template.name {
        case "log": ["--title", "--nature", "--aware-at"]
        case "advance": ["--note"]
        case "close": ["--summary"]
        case "reopen": ["--to", "--reason"]
        case "unaffect": ["--customer", "--reason"]
        case "customer add": ["--name", "--email"]
        case "notice draft", "notice sent", "affect": ["--customer"]
        default: []
        }
    }
}

/// A small deterministic generator, so the corpus is the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
