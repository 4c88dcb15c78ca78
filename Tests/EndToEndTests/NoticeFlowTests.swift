import Foundation
import Testing

@Suite("End to end: customer notices")
struct NoticeFlowTests {
    /// A register with our details, two customers with different shares of one incident.
    /// With `clock`, the register is a practice register whose clock is pinned there, so "now" is the same on any day.
    static func world(clock: String? = nil) throws -> (CLI, String) {
        var cli = try CLI()
        if let clock {
            cli.environment["XDG_DATA_HOME"] = cli.folder
            cli.environment["INCIDENT_DB"] = "practice"
            cli.environment["INCIDENT_CLOCK"] = clock
        }
        try cli.ok([
            "org", "set", "--name", "Example Processor Ltd", "--email", "security@processor.example", "--dpo-email",
            "dpo@processor.example",
        ])
        try cli.ok([
            "customer", "add", "acme-gmbh", "--name", "Acme GmbH", "--email", "dpo@acme.example", "--timezone", "Europe/Berlin",
            "--notice-hours", "24",
        ])
        try cli.ok([
            "customer", "add", "globex", "--name", "Globex Corporation", "--email", "privacy@globex.example", "--timezone",
            "America/New_York",
        ])
        let id = try cli.logIncident()
        try cli.ok([
            "affect", id, "--customer", "acme-gmbh", "--data-category", "chat-transcripts", "--records", "1200", "--subjects", "300",
        ])
        try cli.ok([
            "affect", id, "--customer", "globex", "--data-category", "call-metadata", "--subject-category", "support-contacts", "--records",
            "40",
        ])
        return (cli, id)
    }

    @Test("initial, update and final notices: each customer's holds its own share only, and .eml parses")
    func lifecycle() throws {
        let (cli, id) = try Self.world()
        defer { cli.remove() }
        try cli.ok(["notice", "draft", id, "--all"])
        let out = cli.folder + "/out"
        try cli.ok(["notice", "export", id, "--all", "--format", "eml", "--out", out])
        let acme = try String(contentsOfFile: out + "/\(id)-acme-gmbh-v1-initial.eml", encoding: .utf8)
        let globex = try String(contentsOfFile: out + "/\(id)-globex-v1-initial.eml", encoding: .utf8)
        for (mine, other) in [
            (acme, ["Globex", "globex", "Call metadata", "about 40"]), (globex, ["Acme", "acme", "Chat transcripts", "about 1,200"]),
        ] {
            let decoded = try MailParser.plainBody(mine)
            for word in other { #expect(!decoded.contains(word), "a notice names another customer's \(word)") }
        }
        #expect(try MailParser.plainBody(acme).contains("about 1,200"))
        #expect(try MailParser.header("To", acme) == "dpo@acme.example")
        let mode = try FileManager.default.attributesOfItem(atPath: out + "/\(id)-acme-gmbh-v1-initial.eml")[.posixPermissions] as? Int
        #expect(mode == 0o600)

        try cli.ok(["notice", "sent", id, "--customer", "acme-gmbh", "--via", "email"])
        try cli.ok(["advance", id, "--note", "scope known"])
        try cli.ok(["update", id, "--action", "Bucket made private", "--consequence", "Transcripts may have been read"])
        try cli.ok(["affect", id, "--customer", "acme-gmbh", "--records", "5400"])
        try cli.ok(["notice", "draft", id, "--customer", "acme-gmbh"])
        let update = try cli.ok(["notice", "export", id, "--customer", "acme-gmbh", "--format", "md"])
        #expect(update.hasPrefix("# Security incident update"))
        let changes = try #require(update.range(of: "## What has changed since our last notice"))
        #expect(changes.lowerBound < update.range(of: "## 1. What happened")!.lowerBound)
        #expect(update.contains("about 1,200 → about 5,400"))
        #expect(!update.contains("Call metadata"), "revising a share does not pull in the incident's other categories")

        for phase in ["contain", "mitigate", "remediate"] {
            if phase != "contain" { try cli.ok(["update", id, "--action", "work in \(phase)"]) }
            try cli.ok(["advance", id, "--note", "\(phase) done"])
        }
        try cli.ok(["update", id, "--action", "Service restored"])
        try cli.ok(["close", id, "--summary", "Bucket locked down, keys rotated"])
        #expect(try cli.run(["notice", "draft", id, "--all", "--kind", "update"]).status == 67)
        try cli.ok(["notice", "draft", id, "--all"])
        let list = try #require(try cli.json(["notice", "list", id]) as? [[String: Any]])
        let kinds = list.map { ($0["versions"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String } }
        #expect(kinds == [["initial", "update", "final"], ["initial", "final"]])
        for format in ["md", "txt", "html", "json"] {
            let text = try cli.ok(["notice", "export", id, "--customer", "globex", "--format", format])
            #expect(text.contains("Bucket locked down"), "\(format)")
            #expect(!text.contains("Acme"), "\(format)")
        }
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try cli.ok(["notice", "export", id, "--customer", "globex", "--format", "json"]).utf8)) as? [String: Any])
        for key in [
            "nature", "dataCategories", "subjectCategories", "consequences", "remediationActions", "mitigationMeasures", "contact",
            "incidentId", "customer", "kind", "version", "draftedAt", "dueBy",
        ] {
            #expect(json[key] != nil, "JSON notice has \(key)")
        }
        #expect(json["kind"] as? String == "final")
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test(".eml drafts thread: stable Message-IDs in our domain, an update replies to the notice last sent, our DPO in Cc")
    func threading() throws {
        let (cli, id) = try Self.world()
        defer { cli.remove() }
        try cli.ok(["notice", "draft", id, "--customer", "acme-gmbh"])
        let first = try cli.ok(["notice", "export", id, "--customer", "acme-gmbh", "--format", "eml"])
        #expect(
            try cli.ok(["notice", "export", id, "--customer", "acme-gmbh", "--format", "eml"]) == first, "the same version, the same bytes")
        let firstID = try MailParser.header("Message-ID", first)
        #expect(firstID == "<\(id).acme-gmbh.v1@processor.example>")
        #expect(try MailParser.header("Cc", first) == "dpo@processor.example")
        #expect(try MailParser.header("Reply-To", first) == "security@processor.example")
        try cli.ok(["notice", "sent", id, "--customer", "acme-gmbh", "--via", "email"])
        try cli.ok(["update", id, "--note", "More is known"])
        try cli.ok(["notice", "draft", id, "--customer", "acme-gmbh"])
        let update = try cli.ok(["notice", "export", id, "--customer", "acme-gmbh", "--format", "eml"])
        #expect(try MailParser.header("In-Reply-To", update) == firstID)
        #expect(try MailParser.header("References", update) == firstID)
        #expect(try MailParser.header("Message-ID", update) == "<\(id).acme-gmbh.v2@processor.example>")
    }

    @Test("deadlines: overdue shows, ruling out stops the clock, on-time is fixed when sent")
    func deadlines() throws {
        // A practice register with its clock pinned, so which deadlines have passed does not depend on today's date.
        let (cli, id) = try Self.world(clock: "2026-11-23T12:00:00Z")
        defer { cli.remove() }
        // Awareness moved well into the past makes both customers overdue at the pinned now.
        try cli.ok(["update", id, "--aware-at", "2026-01-05T08:00:00Z"])
        #expect(try cli.ok(["list", "--overdue"]).contains(id))
        var list = try #require(try cli.json(["notice", "list", id]) as? [[String: Any]])
        #expect(list.map { $0["overdue"] as? Bool } == [true, true])
        #expect(list[0]["dueBy"] as? String == "2026-01-06T08:00:00Z")
        try cli.ok(["unaffect", id, "--customer", "globex", "--reason", "Its tenant is on the unaffected cluster"])
        try cli.ok(["notice", "draft", id, "--all"])
        try cli.ok(["notice", "sent", id, "--customer", "acme-gmbh"])
        #expect(!(try cli.ok(["list", "--overdue"]).contains(id)))
        try cli.ok(["update", id, "--aware-at", "2026-01-04T08:00:00Z"])
        list = try #require(try cli.json(["notice", "list", id]) as? [[String: Any]])
        let first = try #require(list[0]["firstSent"] as? [String: Any])
        #expect(first["onTime"] as? Bool == false)
        #expect(first["dueBy"] as? String == "2026-01-06T08:00:00Z", "the verdict keeps the deadline it was judged against")
        #expect(list[0]["dueBy"] as? String == "2026-01-05T08:00:00Z", "the corrected deadline shows beside it")
        #expect(list[1]["ruledOut"] != nil)
        #expect(list[1]["overdue"] as? Bool == false)
        #expect(try cli.run(["notice", "draft", id, "--customer", "globex"]).status == 67, "a ruled-out customer gets no notice")
    }

    @Test("customer import: quotes, commas and UTF-8; a bad row names its line and imports nothing")
    func importCSV() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let good = cli.folder + "/good.csv"
        try
            "slug,name,email,language,timezone,notice_hours\nzurich-re,\"Zürich Rück, \"\"Direkt\"\" AG\",dpo@zr.example;it@zr.example,de,Europe/Zurich,24\nnihon,日本株式会社,privacy@nihon.example,ja,Asia/Tokyo,\n"
            .write(toFile: good, atomically: true, encoding: .utf8)
        #expect(try cli.ok(["customer", "import", good]) == "2 customers added, 0 already present")
        let customers = try #require(try cli.json(["customer", "list"]) as? [[String: Any]])
        #expect(customers.first { $0["slug"] as? String == "zurich-re" }?["name"] as? String == "Zürich Rück, \"Direkt\" AG")
        #expect(customers.first { $0["slug"] as? String == "zurich-re" }?["emails"] as? [String] == ["dpo@zr.example", "it@zr.example"])
        let before = cli.registerBytes()
        for (text, line) in [
            ("slug,name,email\nok-one,One,a@one.example\nbad slug,Two,b@two.example\n", 3),
            ("slug,name,email\nok-one,One,a@one.example\nthree,Three,not-an-address\n", 3),
            ("slug,name,email\nok-one,One,a@one.example\nok-two,\"Unclosed,b@two.example\n", 3),
            ("slug,name,email,timezone\nok-one,One,a@one.example,Mars/Olympus\n", 2),
        ] {
            let bad = cli.folder + "/bad.csv"
            try text.write(toFile: bad, atomically: true, encoding: .utf8)
            let result = try cli.run(["customer", "import", bad])
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.contains("bad.csv:\(line)"), "\(result.stderr)")
            #expect(cli.registerBytes() == before, "nothing imported")
        }
        try Data([0x73, 0x6C, 0x75, 0x67, 0x0A, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: cli.folder + "/binary.csv"))
        let binary = try cli.run(["customer", "import", cli.folder + "/binary.csv"])
        #expect(binary.status == 65 && binary.stderr.contains("UTF-8"))
    }

    @Test("exports never overwrite without --force and never follow a symlink")
    func exportSafety() throws {
        let (cli, id) = try Self.world()
        defer { cli.remove() }
        try cli.ok(["notice", "draft", id, "--all"])
        let out = cli.folder + "/out"
        try cli.ok(["notice", "export", id, "--all", "--format", "md", "--out", out])
        let file = out + "/\(id)-acme-gmbh-v1-initial.md"
        try "keep me".write(toFile: file, atomically: true, encoding: .utf8)
        let again = try cli.run(["notice", "export", id, "--all", "--format", "md", "--out", out])
        #expect(again.status == 73)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
        try FileManager.default.removeItem(atPath: file)
        let target = cli.folder + "/victim.txt"
        try "precious".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: target)
        let forced = try cli.run(["notice", "export", id, "--all", "--format", "md", "--out", out, "--force"])
        #expect(forced.status == 73)
        #expect(forced.stderr.contains("symbolic link"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious")
    }

    @Test("template folders are checked: a bad one is refused with file and line")
    func templatesCheck() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["notice", "templates", "check"]).status == 0)
        let folder = cli.folder + "/tpl/en/items"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "## 1. What happened\n\n{{natur}}\n".write(toFile: folder + "/nature.mustache", atomically: true, encoding: .utf8)
        let result = try cli.run(["notice", "templates", "check", cli.folder + "/tpl"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("nature.mustache:3: unknown field 'natur'; did you mean nature?"), "\(result.stderr)")
    }
}

/// The standard library's mail parser, as a mail client would read our .eml files.
enum MailParser {
    static func plainBody(_ eml: String) throws -> String { try python(eml, "print(m.get_body(('plain',)).get_content())") }
    static func header(_ name: String, _ eml: String) throws -> String { try python(eml, "print(m['\(name)'])") }

    static func python(_ eml: String, _ statement: String) throws -> String {
        let file = NSTemporaryDirectory() + "mail-\(UUID().uuidString).eml"
        try eml.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import email,sys; from email import policy; m=email.message_from_binary_file(open(sys.argv[1],'rb'), policy=policy.default); assert not m.defects, m.defects; \(statement)",
            file,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3's mail parser rejected the message")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }
}

@Suite("End to end: notice rules found in review")
struct NoticeRuleTests {
    @Test("a notice cannot be marked sent before it was drafted, and --kind must match the facts")
    func sentAndKind() throws {
        let (cli, id) = try NoticeFlowTests.world()
        defer { cli.remove() }
        #expect(try cli.run(["notice", "draft", id, "--customer", "acme-gmbh", "--kind", "update"]).status == 67, "nothing was sent yet")
        try cli.ok(["notice", "draft", id, "--customer", "acme-gmbh"])
        let early = try cli.run(["notice", "sent", id, "--customer", "acme-gmbh", "--at", "2026-01-01T00:00:00Z"])
        #expect(early.status == 65)
        #expect(early.stderr.contains("before version 1 was drafted"))
    }

    @Test("an --all export that meets one taken file writes none; --force never writes through a hard link")
    func allOrNothingExport() throws {
        let (cli, id) = try NoticeFlowTests.world()
        defer { cli.remove() }
        try cli.ok(["notice", "draft", id, "--all"])
        let out = cli.folder + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "taken".write(toFile: out + "/\(id)-globex-v1-initial.md", atomically: true, encoding: .utf8)
        #expect(try cli.run(["notice", "export", id, "--all", "--format", "md", "--out", out]).status == 73)
        #expect(!FileManager.default.fileExists(atPath: out + "/\(id)-acme-gmbh-v1-initial.md"), "nothing written before the refusal")
        try FileManager.default.removeItem(atPath: out + "/\(id)-globex-v1-initial.md")
        let elsewhere = cli.folder + "/elsewhere.md"
        try "precious".write(toFile: elsewhere, atomically: true, encoding: .utf8)
        try FileManager.default.linkItem(atPath: elsewhere, toPath: out + "/\(id)-globex-v1-initial.md")
        #expect(try cli.run(["notice", "export", id, "--all", "--format", "md", "--out", out, "--force"]).status == 73)
        #expect(try String(contentsOfFile: elsewhere, encoding: .utf8) == "precious")
    }

    @Test("verify compares the stored deadlines that list --overdue relies on")
    func deadlineTamper() throws {
        let (cli, _) = try NoticeFlowTests.world()
        defer { cli.remove() }
        try TamperTests.sql(cli, "UPDATE shares SET due_by = '2099-01-01T00:00:00Z' WHERE customer = 'acme-gmbh'")
        let result = try cli.run(["verify"])
        #expect(result.status == 68)
        #expect(result.stdout.contains("stored deadline of acme-gmbh differs"))
    }
}
