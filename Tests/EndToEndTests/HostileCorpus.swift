import Foundation
import HostileInput

/// Generated bad input for every write command: each case has at least one value that must be refused.
struct HostileCase: Sendable {
    var arguments: [String]
    /// Bytes sent to standard input, for `--note -`.
    var stdin: [UInt8]?
    /// Files (relative path → bytes) the case needs, written before it runs.
    var files: [String: [UInt8]] = [:]
}

/// The corpus: the bad values of `HostileValues` put into each write command's options, and CSV files only the
/// CLI reads. The slow tier runs all of it through the binary; the fast tier runs `HostileSample`.
enum HostileCorpus {
    static let id = "INC-2026-0001"

    static let texts = HostileValues.texts
    static let lineTexts = HostileValues.lineTexts
    static let times = HostileValues.times
    static let categories = HostileValues.dataCategories
    static let subjectCategories = HostileValues.subjectCategories
    static let ids = HostileValues.ids + HostileValues.unknownIDs
    static let counts = ["--records", "--subjects"].flatMap { flag in
        (HostileValues.counts.map(String.init) + HostileValues.notWholeNumbers).map { "\(flag)=\($0)" }
    }
    static let hours = HostileValues.hours.map(String.init) + HostileValues.notWholeNumbers
    static let customers = HostileValues.slugs + HostileValues.unknownCustomers
    static let noticeCustomers = customers + HostileValues.unaffectedCustomers

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
        Template(
            name: "log", base: ["log"],
            slots: [
                ("--title", lineTexts), ("--nature", texts), ("--aware-at", times), ("--severity", HostileValues.severities),
                ("--occurred-from", times), ("--occurred-to", times), ("--detected-at", times), ("--source", lineTexts),
                ("--system", lineTexts),
                ("--region", lineTexts), ("--data-category", categories), ("--subject-category", subjectCategories), ("counts", counts),
                ("--consequence", texts),
            ]),
        Template(
            name: "update", base: ["update", id],
            slots: [
                ("ID", ids), ("--note", texts), ("--action", texts), ("--consequence", texts), ("--data-category", categories),
                ("--subject-category", subjectCategories), ("counts", counts), ("--nature", texts), ("--title", lineTexts), ("--at", times),
                ("--aware-at", times), ("--severity", HostileValues.severities), ("--kind", HostileValues.actionKinds),
            ]),
        Template(name: "advance", base: ["advance", id], slots: [("ID", ids), ("--note", texts), ("--at", times)]),
        Template(name: "close", base: ["close", id], slots: [("ID", ids), ("--summary", texts), ("--at", times)]),
        Template(
            name: "reopen", base: ["reopen", id],
            slots: [
                ("ID", ids), ("--to", HostileValues.phases), ("--reason", texts), ("--at", times),
            ]),
        Template(
            name: "affect", base: ["affect", id],
            slots: [
                ("ID", ids), ("--customer", customers), ("--data-category", categories), ("--subject-category", subjectCategories),
                ("counts", counts),
            ], files: affectFiles, fileFlag: "--customers-file"),
        Template(name: "unaffect", base: ["unaffect", id], slots: [("ID", ids), ("--customer", customers), ("--reason", texts)]),
        Template(
            name: "customer add", base: ["customer", "add"],
            slots: [
                ("SLUG", HostileValues.slugs), ("--name", lineTexts), ("--email", HostileValues.emails),
                ("--language", HostileValues.languages),
                ("--timezone", HostileValues.timeZones), ("--notice-hours", hours),
                ("--region", HostileValues.scopeTerms), ("--service", HostileValues.scopeTerms),
            ]),
        Template(name: "customer import", base: ["customer", "import"], slots: [], files: csvFiles, fileFlag: "FILE"),
        Template(
            name: "org set", base: ["org", "set"],
            slots: [
                ("--name", lineTexts), ("--email", HostileValues.emails), ("--phone", lineTexts), ("--address", lineTexts),
                ("--dpo-email", HostileValues.emails),
                ("--notice-hours", hours), ("--update-hours", hours), ("--templates", HostileValues.templateFolders),
            ]),
        Template(
            name: "notice draft", base: ["notice", "draft", id],
            slots: [
                ("ID", ids), ("--customer", noticeCustomers), ("--kind", HostileValues.noticeKinds),
                ("--templates", HostileValues.templateFolders),
            ]),
        Template(
            name: "notice sent", base: ["notice", "sent", id],
            slots: [
                ("ID", ids), ("--customer", noticeCustomers), ("--version", HostileValues.versions.map(String.init) + ["x"]),
                ("--at", times), ("--via", lineTexts),
            ]),
        Template(
            name: "notice approve", base: ["notice", "approve", id],
            slots: [("ID", ids), ("--customer", noticeCustomers), ("--version", HostileValues.versions.map(String.init) + ["x"])]),
        Template(
            name: "subprocessor add", base: ["subprocessor", "add"],
            slots: [
                ("SLUG", HostileValues.slugs), ("--name", lineTexts), ("--service", HostileValues.scopeTerms),
                ("--region", HostileValues.scopeTerms), ("--notify-hours", hours),
            ]),
        Template(
            name: "affect by subprocessor", base: ["affect", id],
            slots: [
                ("ID", ids), ("--subprocessor", HostileValues.slugs + ["unknown-sub"]), ("--region", HostileValues.scopeTerms),
            ]),
        // `due` writes nothing, but takes a duration a tired person types.
        Template(name: "due", base: ["due"], slots: [("--within", durations)]),
    ]

    /// Durations `due --within` must refuse: no unit it knows, negative, too long, not a number.
    static let durations = ["", "1y", "abc", "100001h", "1.5h", "h", "2d3", "6 h x", "\u{7}", "99999999999999999999m", "--"]

    /// Valid values for every slot, so a case is the base plus exactly the bad values it names.
    static let valid: [String: String] = [
        "--title": "A title", "--nature": "What happened", "--aware-at": "2026-11-23T08:00:00Z", "--severity": "high",
        "--occurred-from": "2026-11-22T08:00:00Z", "--occurred-to": "2026-11-22T09:00:00Z", "--detected-at": "2026-11-23T07:00:00Z",
        "--source": "internal", "--system": "chat", "--region": "EU", "--data-category": "names", "--subject-category": "end-users",
        "--consequence": "c", "--note": "n", "--action": "a", "--at": "2026-11-23T09:00:00Z", "--summary": "s", "--reason": "r",
        "--to": "contain", "--customer": "acme-gmbh", "--name": "Name", "--email": "a@b.example", "--language": "en",
        "--timezone": "UTC", "--notice-hours": "24", "--update-hours": "24", "--phone": "1", "--address": "a", "--dpo-email": "d@b.example",
        "--via": "email", "--kind": "mitigation", "--version": "1", "--subprocessor": "northwind",
    ]

    static func template(_ name: String) -> Template { templates.first { $0.name == name }! }

    /// The template's valid arguments with the given (flag, value) pairs in their slots.
    static func build(_ template: Template, _ bad: [(String, String)]) -> HostileCase {
        var arguments = template.base
        let badFlags = Set(bad.map(\.0))
        for (flag, value) in bad {
            switch flag {
            case "ID": arguments[template.base.count - 1] = value
            case "SLUG", "counts": arguments.append(value)
            // A negative number as a separate argument would be read as an option; `=` keeps it a value.
            case _ where value.hasPrefix("-") && Int(value) != nil: arguments.append("\(flag)=\(value)")
            default: arguments += [flag, value]
            }
        }
        if template.name.hasSuffix(" add") && !badFlags.contains("SLUG") { arguments.append("new-slug") }
        for flag in requiredFlags(template) where !badFlags.contains(flag) { arguments += [flag, valid[flag]!] }
        return HostileCase(arguments: arguments)
    }

    /// The template's command given one file to read.
    static func file(_ template: Template, _ name: String, _ bytes: [UInt8]) -> HostileCase {
        let flag = template.fileFlag!
        return HostileCase(arguments: template.base + (flag == "FILE" ? [name] : [flag, name]), files: [name: bytes])
    }

    /// Text read from standard input by `--note -`: U+FFFD, bytes that are not UTF-8, and too much of it.
    static func stdinCases(_ template: Template) -> [HostileCase] {
        guard template.slots.contains(where: { $0.flag == "--note" }) else { return [] }
        let arguments = template.base + ["--note", "-"]
        return [
            HostileCase(arguments: arguments, stdin: Array("\u{FFFD}broken".utf8)),
            HostileCase(arguments: arguments, stdin: Array("ok".utf8) + [0xC3, 0x28]),
            HostileCase(arguments: arguments, stdin: Array(String(repeating: "é", count: 100_001).utf8)),
        ]
    }

    /// Every value of every slot alone, every file, then pairs of bad values drawn from a fixed seed until
    /// there are `minimum` cases, then the standard-input cases.
    static func cases(for template: Template, atLeast minimum: Int = 1000) -> [HostileCase] {
        var result: [HostileCase] = []
        for slot in template.slots { for value in slot.pool { result.append(build(template, [(slot.flag, value)])) } }
        for (index, bytes) in template.files.enumerated() { result.append(file(template, "input-\(index).csv", bytes)) }
        var rng = SplitMix(seed: UInt64(template.name.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        var fileIndex = 0
        while result.count < minimum {
            if template.slots.isEmpty || (template.fileFlag != nil && rng.next() % 4 == 0) {
                let bytes = template.files[fileIndex % template.files.count] + Array("\n# variant \(result.count)\n".utf8)
                fileIndex += 1
                result.append(file(template, "input-v\(result.count).csv", bytes))
                continue
            }
            let first = template.slots[Int(rng.next() % UInt64(template.slots.count))]
            let second = template.slots[Int(rng.next() % UInt64(template.slots.count))]
            var bad = [(first.flag, first.pool[Int(rng.next() % UInt64(first.pool.count))])]
            if second.flag != first.flag { bad.append((second.flag, second.pool[Int(rng.next() % UInt64(second.pool.count))])) }
            result.append(build(template, bad))
        }
        return result + stdinCases(template)
    }

    private static func requiredFlags(_ template: Template) -> [String] {
        switch template.name {
        case "log": ["--title", "--nature", "--aware-at"]
        case "advance": ["--note"]
        case "close": ["--summary"]
        case "reopen": ["--to", "--reason"]
        case "unaffect": ["--customer", "--reason"]
        case "customer add": ["--name", "--email"]
        case "notice draft", "notice sent", "notice approve", "affect": ["--customer"]
        case "subprocessor add": ["--name"]
        case "affect by subprocessor": ["--subprocessor"]
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
