import Foundation
import Testing

/// The mistakes people make at 2 a.m.: the wrong incident, the same incident twice, counts typed as people
/// write them, mistyped commands, pasted help examples.
@Suite("The 2 a.m. mistakes")
struct NewcomerMistakesTests {
    static let title = "Transcripts exposed at VoIP subprocessor"

    @Test("every command that writes names the incident by id and title")
    func receipts() throws {
        let (cli, id) = try NoticeFlowTests.world()
        defer { cli.remove() }
        let named = "\(id) \"\(Self.title)\""
        let lines = [
            try cli.ok(["update", id, "--note", "n"]),
            try cli.ok(["advance", id, "--note", "n"]),
            try cli.ok(["update", id, "--action", "a"]),
            try cli.ok(["affect", id, "--customer", "acme-gmbh", "--records", "1,300"]),
            try cli.ok(["unaffect", id, "--customer", "globex", "--reason", "r"]),
            try cli.ok(["notice", "draft", id, "--all"]),
            try cli.ok(["notice", "export", id, "--all", "--format", "md", "--out", cli.folder + "/out"]),
            try cli.ok(["notice", "sent", id, "--customer", "acme-gmbh"]),
        ]
        #expect(lines[0] == "\(named) updated (investigate, 4 events)")
        #expect(lines[1] == "\(named) is now in contain")
        #expect(lines[3] == "\(named): 1 customer(s) marked affected; 2 in all")
        #expect(lines[4] == "\(named): globex ruled out")
        #expect(lines[5] == "\(named): 1 notice(s) drafted")
        for line in lines { #expect(line.hasPrefix(named), "\(line)") }
        for phase in ["mitigate", "remediate", "restore"] {
            try cli.ok(["advance", id, "--note", "n"])
            #expect(try cli.ok(["update", id, "--action", "a"]).hasPrefix(named), "\(phase)")
        }
        #expect(try cli.ok(["close", id, "--summary", "s"]) == "\(named) is closed")
        #expect(try cli.ok(["reopen", id, "--to", "restore", "--reason", "r"]) == "\(named) is reopened in restore")
    }

    @Test("the same title and awareness time again is refused without a terminal, naming the flag; the flag logs it")
    func duplicate() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.logIncident()
        let again = ["log", "--title", Self.title.uppercased(), "--nature", "n", "--aware-at", "2026-11-23T09:00:00+01:00"]
        let before = cli.registerBytes()
        let refused = try cli.run(again)
        #expect(refused.status == 67)
        #expect(refused.stdout.isEmpty)
        #expect(
            refused.stderr
                == "error: not logged: \(id) \"\(Self.title)\" has the same title and awareness time (2026-11-23T08:00:00Z); if it is a different incident, add --allow-duplicate\n"
        )
        #expect(cli.registerBytes() == before)
        #expect(try cli.ok(again + ["--allow-duplicate"]) == "INC-2026-0002")
        // Another awareness time is another incident.
        #expect(try cli.ok(["log", "--title", Self.title, "--nature", "n", "--aware-at", "2026-11-23T08:00:01Z"]) == "INC-2026-0003")
    }

    @Test("on a terminal, a duplicate asks; yes logs it, anything else does not", arguments: [("y", 0), ("n", 67), ("", 67)])
    func duplicateOnTerminal(answer: String, status: Int32) throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try cli.logIncident()
        let command = "\(CLI.binary) log --title '\(Self.title)' --nature n --aware-at 2026-11-23T08:00:00Z"
        // script(1) gives the command a terminal and types the answer into it.
        let result = try cli.run([], stdin: answer + "\n", shell: "exec script -qec \"\(command)\" /dev/null; :")
        #expect(result.stdout.contains("Log another incident anyway? [y/N]"), "\(result.stdout)")
        #expect(result.status == status, "\(result.stdout)")
        #expect(result.stdout.contains("INC-2026-0002") == (status == 0))
    }

    @Test(
        "counts may be grouped in threes; a dot or a wrong grouping is refused naming the fix",
        arguments: [
            ("12,000", "12000"), ("12 000", "12000"), ("12_000", "12000"), ("12000", "12000"),
        ])
    func counts(text: String, stored: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.ok([
            "log", "--title", "T", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z", "--records", text, "--subjects", text,
        ])
        let shown = try #require(try cli.json(["show", id]) as? [String: Any])
        #expect("\(shown["records"] ?? "")" == stored)
        #expect("\(shown["subjects"] ?? "")" == stored)
        try cli.ok(["update", id, "--records", "14,500"])
        #expect("\((try cli.json(["show", id]) as? [String: Any])?["records"] ?? "")" == "14500")
    }

    @Test("refused counts name the fix, in options and in the affected-customers file", arguments: ["12.000", "1,20", "12,0000", "12k"])
    func badCounts(text: String) throws {
        let (cli, id) = try NoticeFlowTests.world()
        defer { cli.remove() }
        for arguments in [["update", id, "--records", text], ["affect", id, "--customer", "acme-gmbh", "--subjects", text]] {
            let result = try cli.run(arguments)
            #expect(result.status == 65)
            #expect(
                result.stderr.hasSuffix("write it without separators (12000) or with commas every three digits (12,000)\n"),
                "\(result.stderr)")
        }
        let file = cli.folder + "/affected.csv"
        try "customer,records\nacme-gmbh,\"\(text)\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try cli.run(["affect", id, "--customers-file", file])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("error: \(file):2: records: '\(text)'"), "\(result.stderr)")
        try "customer,records\nacme-gmbh,\"9,000\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        try cli.ok(["affect", id, "--customers-file", file])
    }

    @Test(
        "a mistyped command suggests the right one, in one line, exit 64",
        arguments: [
            (["upate"], "error: unknown command 'upate'; did you mean 'update'? (see --help)"),
            (["notice", "snet", "INC-2026-0001"], "error: unknown command 'notice snet'; did you mean 'notice sent'? (see --help)"),
            (["custmer", "add"], "error: unknown command 'custmer'; did you mean 'customer'? (see --help)"),
            (["frobnicate"], "error: unknown command 'frobnicate' (see --help)"),
        ])
    func suggestion(arguments: [String], message: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr == message + "\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("--version is listed once in incident --help and works; subcommands keep their own --version")
    func version() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let help = try cli.ok(["--help"])
        #expect(help.components(separatedBy: "--version").count == 2, "\(help)")
        #expect(try cli.ok(["--version"]).range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil)
        let sent = try cli.ok(["notice", "sent", "--help"])
        #expect(sent.components(separatedBy: "--version").count == 3, "once in usage, once in the options: \(sent)")
    }

    /// Every command's help text, as `--experimental-dump-help` gives argument-parser's model of it.
    static func discussions() throws -> [(String, String)] {
        let cli = try CLI()
        defer { cli.remove() }
        let dump = try #require(try JSONSerialization.jsonObject(with: Data(cli.ok(["--experimental-dump-help"]).utf8)) as? [String: Any])
        var found: [(String, String)] = []
        func walk(_ command: [String: Any], _ path: String) {
            found.append((path, command["discussion"] as? String ?? ""))
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { walk(sub, path + " " + (sub["commandName"] as? String ?? "?")) }
        }
        walk(try #require(dump["command"] as? [String: Any]), "incident")
        return found
    }

    @Test("no line of any command's help discussion, examples included, is wider than 76 columns")
    func helpWidth() throws {
        let discussions = try Self.discussions()
        #expect(discussions.count > 25)
        var examples = 0
        for (command, discussion) in discussions {
            for line in discussion.split(separator: "\n") {
                if line.hasPrefix("  incident ") { examples += 1 }
                #expect(line.count <= 76, "\(command): \(line.count) columns: \(line)")
            }
        }
        #expect(examples > 20)
    }
}
