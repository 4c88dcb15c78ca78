import HostileInput

/// A case of the fast tier's sample: bad input, the exit code it must give, and a word its error line must contain.
struct SampleCase: Sendable {
    var input: HostileCase
    var status: Int32
    /// The option or the input the message must name.
    var names: String
    var testDescription: String
}

/// A sample of the hostile corpus for the fast tier: every write command, and at least one value of each kind of
/// bad input, through the binary. The rule tests (IncidentCoreTests) check every value in process; the slow tier
/// runs the whole corpus through the binary.
enum HostileSample {
    static let cases: [SampleCase] = texts + times + names + numbers + choices + files

    static let texts = [
        bad("log", [("--title", "")], 65, "--title"),
        bad("log", [("--source", "ok\u{FFFD}")], 65, "--source"),
        bad("update", [("--note", "text\u{7}here")], 65, "--note"),
        bad("update", [("--action", String(repeating: "x", count: 100_001))], 65, "--action"),
        bad("update", [("--consequence", "text\u{1B}here")], 65, "--consequence"),
        bad("advance", [("--note", "\n\n")], 65, "--note"),
        bad("close", [("--summary", "text\u{7F}here")], 65, "--summary"),
        bad("reopen", [("--reason", "text\u{86}here")], 65, "--reason"),
        bad("unaffect", [("--reason", "invoice\u{202E}fdp.exe")], 65, "--reason"),
        bad("customer add", [("--name", "\t \n")], 65, "--name"),
        bad("org set", [("--address", "invoice\u{2066}fdp.exe")], 65, "--address"),
        bad("notice sent", [("--via", "text\u{0D}here")], 65, "--via"),
        // Two bad values still give one line, about the first one checked.
        bad("log", [("--title", ""), ("--aware-at", "yesterday")], 65, "--title"),
        stdin("update --note - with bytes that are not UTF-8", Array("ok".utf8) + [0xC3, 0x28]),
        stdin("update --note - with 100,001 characters", Array(String(repeating: "é", count: 100_001).utf8)),
    ]

    static let times = [
        bad("log", [("--aware-at", "2026-11-23T14:05:00")], 65, "--aware-at"),
        bad("log", [("--occurred-from", "2026-02-30T00:00:00Z")], 65, "--occurred-from"),
        bad("log", [("--detected-at", "2999-01-01T00:00:00Z")], 65, "--detected-at"),
        bad("update", [("--aware-at", "1969-12-31T23:59:59Z")], 65, "--aware-at"),
        bad("update", [("--at", "yesterday")], 65, "--at"),
        bad("advance", [("--at", "٢٠٢٦-11-23T14:05:00Z")], 65, "--at"),
    ]

    /// Ids, categories, customers, addresses, time zones, languages and template folders.
    static let names = [
        bad("update", [("ID", "INC-2026-0001 OR 1=1")], 65, "ID"),
        bad("close", [("ID", "../INC-2026-0001")], 65, "ID"),
        bad("advance", [("ID", "INC-2026-9999")], 66, "INC-2026-9999"),
        bad("log", [("--data-category", "emial")], 65, "--data-category"),
        bad("affect", [("--subject-category", "chat-transcripts")], 65, "--subject-category"),
        bad("customer add", [("SLUG", "Acme GmbH")], 65, "SLUG"),
        bad("affect", [("--customer", "acme/../x")], 65, "--customer"),
        bad("affect", [("--customer", "nobody")], 65, "nobody"),
        bad("notice draft", [("--customer", "globex")], 65, "globex"),
        bad("customer add", [("--email", "a@b.example\r\nBcc: x@y.example")], 65, "--email"),
        bad("org set", [("--dpo-email", "a@b")], 65, "--dpo-email"),
        bad("customer add", [("--timezone", "Mars/Olympus")], 65, "--timezone"),
        bad("customer add", [("--language", "en_US")], 65, "--language"),
        bad("customer add", [("--region", "eu;us")], 65, "--region"),
        bad("customer add", [("--service", "VoIP calls")], 65, "--service"),
        bad("org set", [("--templates", "/nonexistent/folder")], 78, "/nonexistent/folder"),
        bad("notice draft", [("--templates", "/etc/passwd")], 78, "/etc/passwd"),
    ]

    /// Counts, hours and versions: out of range (the tool's check) or not whole numbers (the argument parser's).
    static let numbers = [
        bad("log", [("counts", "--records=-5")], 65, "--records"),
        bad("affect", [("counts", "--subjects=100000000001")], 65, "--subjects"),
        bad("update", [("counts", "--records=abc")], 65, "--records"),
        bad("org set", [("--update-hours", "-1")], 65, "--update-hours"),
        bad("customer add", [("--notice-hours", "1.5")], 64, "--notice-hours"),
        bad("notice sent", [("--version", "99")], 65, "--version"),
        bad("notice sent", [("--version", "x")], 64, "--version"),
    ]

    /// Severities, kinds and phases.
    static let choices = [
        bad("log", [("--severity", "HIGHEST")], 65, "--severity"),
        bad("log", [("--breach-type", "secrecy")], 65, "--breach-type"),
        bad("update", [("--action", "a"), ("--kind", "fix")], 65, "--kind"),
        bad("notice draft", [("--kind", "FINALE")], 65, "--kind"),
        bad("reopen", [("--to", "closed")], 65, "--to"),
    ]

    /// CSV files: not UTF-8, an unclosed quote, an unknown column, a customer that does not exist.
    static let files = [
        file("customer import", HostileCorpus.csvFiles[0], 65, "UTF-8"),
        file("customer import", HostileCorpus.csvFiles[1], 65, "input.csv:2"),
        file("customer import", HostileCorpus.csvFiles[3], 65, "colour"),
        file("affect", HostileCorpus.affectFiles[1], 65, "nobody"),
    ]

    static func bad(_ command: String, _ values: [(String, String)], _ status: Int32, _ names: String) -> SampleCase {
        let input = HostileCorpus.build(HostileCorpus.template(command), values)
        let shown = values.map { "\($0.0) \(HostileValues.shown($0.1))" }.joined(separator: " ")
        return SampleCase(input: input, status: status, names: names, testDescription: "\(command) \(shown)")
    }

    static func stdin(_ shown: String, _ bytes: [UInt8]) -> SampleCase {
        SampleCase(
            input: HostileCase(arguments: ["update", HostileCorpus.id, "--note", "-"], stdin: bytes), status: 65, names: "--note",
            testDescription: shown)
    }

    static func file(_ command: String, _ bytes: [UInt8], _ status: Int32, _ names: String) -> SampleCase {
        let input = HostileCorpus.file(HostileCorpus.template(command), "input.csv", bytes)
        return SampleCase(input: input, status: status, names: names, testDescription: "\(command) with a file naming \(names)")
    }
}
