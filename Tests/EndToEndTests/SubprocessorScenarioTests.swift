import Foundation
import Testing

/// The story of issue #13, from the subprocessor list in the seed: our VoIP subprocessor (Twilio, Inc.) reports
/// an incident, and the register works out which customers it reaches by service and region.
@Suite("End to end: an incident that starts at a subprocessor")
struct SubprocessorScenarioTests {
    static let subprocessorsCSV = """
        slug,name,service,region,notify-hours
        linode,"Linode, LLC",hosting,eu,48
        aws,"Amazon Web Services, LLC",hosting,eu,48
        aws,"Amazon Web Services, LLC",hosting,us,48
        websupport,"Websupport, s.r.o.",hosting,eu,
        quality-unit,"Quality Unit, LLC",support,eu;us,72

        """

    static let customersCSV = """
        slug,name,email,language,timezone,region,service
        acme-gmbh,Acme GmbH,dpo@acme.example,de,Europe/Berlin,eu,voip;chat
        bistro-paris,Bistro Paris SAS,dpo@bistro.example,fr,Europe/Paris,eu,voip
        warszawa-sa,Warszawa S.A.,iod@warszawa.example,pl,Europe/Warsaw,eu,voip
        dublin-ltd,Dublin Widgets Ltd,privacy@dublin.example,en,Europe/Dublin,eu,voip
        krakow-sp,Kraków Sp. z o.o.,iod@krakow.example,pl,Europe/Warsaw,eu,chat
        globex,Globex Corporation,privacy@globex.example,en,America/New_York,us,voip
        initech,Initech Inc.,dpo@initech.example,en,America/Chicago,us,chat

        """

    static let euVoip = ["acme-gmbh", "bistro-paris", "dublin-ltd", "warszawa-sa"]

    /// The register up to the subprocessor's report; returns the incident id.
    static func story(_ cli: CLI) throws -> String {
        try cli.ok([
            "org", "set", "--name", "Example Processor Ltd", "--email", "security@processor.example", "--dpo-email",
            "dpo@processor.example",
        ])
        try cli.ok([
            "subprocessor", "add", "twilio", "--name", "Twilio, Inc.", "--service", "voip", "--region", "eu", "--region", "us",
            "--notify-hours", "24",
        ])
        try Self.subprocessorsCSV.write(toFile: cli.folder + "/subprocessors.csv", atomically: true, encoding: .utf8)
        #expect(
            try cli.ok(["subprocessor", "import", cli.folder + "/subprocessors.csv"])
                == "4 subprocessors added, 0 already present (5 rows)")
        try Self.customersCSV.write(toFile: cli.folder + "/customers.csv", atomically: true, encoding: .utf8)
        try cli.ok(["customer", "import", cli.folder + "/customers.csv"])
        return try cli.ok([
            "log", "--title", "VoIP call records exposed at a subprocessor", "--severity", "high",
            "--nature", "A misconfigured storage bucket at our VoIP subprocessor exposed call records",
            "--aware-at", "2026-11-23T08:00:00Z", "--detected-at", "2026-11-21T20:00:00Z",
            "--subprocessor", "twilio", "--subprocessor-notified-at", "2026-11-23T07:30:00Z",
            "--data-category", "call-metadata", "--data-category", "telephone-numbers", "--subject-category", "end-users",
        ])
    }

    @Test("the VoIP subprocessor reports; EU VoIP customers are proposed, marked, and notified in their own language")
    func sqlite() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try Self.scenario(cli)
    }

    @Test("the same story on PostgreSQL")
    func postgres() throws {
        var cli = try CLI()
        defer { cli.remove() }
        let database = try PostgresDatabase(cli: &cli)
        defer { database.drop() }
        try Self.scenario(cli)
    }

    /// Each case must write nothing, so they share one register: the story is set up once, not once per case.
    static let badCases: [([String], Int32, String)] = [
        (["subprocessor", "add", "x", "--name", "X"], 65, "--service"),
        (["subprocessor", "add", "x", "--name", "X", "--service", "voip", "--region", "eu us"], 65, "--region"),
        (["subprocessor", "add", "x", "--name", "X", "--service", "voip", "--notify-hours", "0"], 65, "--notify-hours"),
        (["subprocessor", "add", "twilio", "--name", "Twilio", "--service", "voip"], 65, "subprocessor edit twilio"),
        (["subprocessor", "edit", "nobody", "--name", "X"], 65, "SLUG"),
        (["subprocessor", "edit", "twilio", "--notify-hours", "2", "--no-notify-hours"], 64, "--no-notify-hours"),
        (["customer", "add", "z", "--name", "Z", "--email", "z@z.example", "--region", "eu;us"], 65, "--region"),
        (["customer", "edit", "acme-gmbh", "--service", "Vo IP"], 65, "--service"),
        (
            ["log", "--title", "t", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z", "--subprocessor", "twilio"], 64,
            "--subprocessor-notified-at"
        ),
        (
            [
                "log", "--title", "t", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z", "--subprocessor", "nobody",
                "--subprocessor-notified-at", "2026-11-23T07:00:00Z",
            ], 65, "--subprocessor"
        ),
        (
            [
                "log", "--title", "t", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z", "--subprocessor", "twilio",
                "--subprocessor-notified-at", "2026-11-23T07:00:00Z", "--detected-at", "2026-11-23T07:30:00Z",
            ], 65,
            "--subprocessor-notified-at"
        ),
        (
            [
                "log", "--title", "t", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z", "--subprocessor", "twilio",
                "--subprocessor-notified-at", "2026-11-23T07:00:00Z", "--source", "Twilio",
            ], 64, "--source"
        ),
        (["affect", "INC-2026-0001", "--subprocessor", "twilio", "--customer", "acme-gmbh"], 64, "--subprocessor"),
        (["affect", "INC-2026-0001", "--customer", "acme-gmbh", "--dry-run"], 64, "--dry-run"),
        (["affect", "INC-2026-0001", "--subprocessor", "nobody"], 65, "--subprocessor"),
        (["affect", "INC-2026-0001", "--subprocessor", "linode", "--region", "us", "--dry-run"], 65, "--region"),
    ]

    @Test("a wrong origin is corrected by update: the time it told us, then the subprocessor; verify replays both")
    func correctedOrigin() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try Self.story(cli)
        // Twilio told us at 07:52, not 07:30: the time is taken from its e-mail.
        try cli.ok(["update", id, "--subprocessor-notified-at", "2026-11-23T07:52:00Z", "--note", "time taken from Twilio's e-mail"])
        var shown = try #require(try cli.json(["show", id]) as? [String: Any])
        var origin = try #require(shown["subprocessor"] as? [String: Any])
        #expect(origin["slug"] as? String == "twilio")
        #expect(origin["notifiedAt"] as? String == "2026-11-23T07:52:00Z")
        #expect(origin["notifyHours"] as? Int == 24)
        // It was Quality Unit's support desk, not Twilio: the source follows, the hours are Quality Unit's.
        try cli.ok(["update", id, "--subprocessor", "quality-unit"])
        shown = try #require(try cli.json(["show", id]) as? [String: Any])
        origin = try #require(shown["subprocessor"] as? [String: Any])
        #expect(origin["slug"] as? String == "quality-unit")
        #expect(origin["notifiedAt"] as? String == "2026-11-23T07:52:00Z")
        #expect(origin["notifyHours"] as? Int == 72)
        #expect(shown["source"] as? String == "Quality Unit, LLC")
        let timeline = try cli.ok(["timeline", id])
        #expect(timeline.contains("subprocessor twilio (told us 2026-11-23T07:30:00Z) → twilio (told us 2026-11-23T07:52:00Z)"))
        #expect(timeline.contains("source Twilio, Inc. → Quality Unit, LLC"))
        // Both at once with --source, or an unknown one: refused, nothing written.
        let before = cli.registerBytes()
        #expect(try cli.run(["update", id, "--subprocessor", "twilio", "--source", "Twilio"]).status == 64)
        let unknown = try cli.run(["update", id, "--subprocessor", "nobody"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.hasPrefix("error: --subprocessor: nobody is not a subprocessor"))
        #expect(try cli.run(["update", id, "--subprocessor-notified-at", "2026-11-21T19:00:00Z"]).status == 65)
        #expect(cli.registerBytes() == before)
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test("bad input for subprocessors is one line naming the option, a documented exit code, and nothing written")
    func badInput() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try Self.story(cli)
        for (arguments, status, names) in Self.badCases {
            let before = cli.registerBytes()
            let result = try cli.run(arguments)
            let shown = arguments.joined(separator: " ")
            #expect(result.status == status, "\(shown): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(shown)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(shown): \(result.stderr)")
            #expect(result.stderr.contains(names), "\(shown): \(result.stderr)")
            #expect(cli.registerBytes() == before, "\(shown) changed the register")
        }
    }

    @Test("an import whose rows disagree about one subprocessor names both lines and imports nothing")
    func disagreeingRows() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let file = cli.folder + "/s.csv"
        try "slug,name,service,region\naws,\"Amazon Web Services, LLC\",hosting,eu\naws,AWS,hosting,us\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let result = try cli.run(["subprocessor", "import", file])
        #expect(result.status == 65)
        #expect(result.stderr.contains("s.csv:3") && result.stderr.contains("s.csv:2"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.registerPath))
    }

    static func scenario(_ cli: CLI) throws {
        let id = try story(cli)
        #expect(id == "INC-2026-0001")

        let subprocessors = try #require(try cli.json(["subprocessor", "list"]) as? [[String: Any]])
        #expect(subprocessors.map { $0["slug"] as? String } == ["aws", "linode", "quality-unit", "twilio", "websupport"])
        #expect(subprocessors[0]["regions"] as? [String] == ["eu", "us"])
        let customers = try #require(try cli.json(["customer", "list"]) as? [[String: Any]])
        #expect(customers.first { $0["slug"] as? String == "acme-gmbh" }?["services"] as? [String] == ["voip", "chat"])

        // 35h30m after detection against 24 hours agreed: late, and `show` says so.
        let show = try cli.ok(["show", id])
        #expect(show.contains("Twilio, Inc. (subprocessor)"))
        #expect(show.contains("late, 35h 30m after detection"))
        let shown = try #require(try cli.json(["show", id]) as? [String: Any])
        let notice = try #require(shown["subprocessorNotice"] as? [String: Any])
        #expect(notice["late"] as? Bool == true)
        #expect(notice["dueBy"] as? String == "2026-11-22T20:00:00Z")

        // The dry run proposes exactly the EU VoIP customers and writes nothing.
        let before = try cli.ok(["checkpoint"])
        let dry = try cli.ok(["affect", id, "--subprocessor", "twilio", "--region", "eu", "--dry-run"])
        #expect(dry.hasPrefix("twilio (voip in eu): 4 customer(s) would be marked affected"))
        let proposed = dry.split(separator: "\n").dropFirst(2).map { $0.split(separator: "\t").first.map(String.init) ?? "" }
        #expect(proposed == euVoip)
        #expect(try cli.ok(["checkpoint"]) == before)

        let real = try cli.ok(["affect", id, "--subprocessor", "twilio", "--region", "eu"])
        #expect(real.contains("4 customer(s) marked affected; 4 in all"))
        let incident = try #require(try cli.json(["show", id]) as? [String: Any])
        let shares = try #require(incident["shares"] as? [[String: Any]])
        #expect(shares.map { $0["customer"] as? String } == euVoip)
        #expect(shares.allSatisfy { $0["dataCategories"] as? [String] == ["call-metadata", "telephone-numbers"] })
        #expect(try cli.ok(["timeline", id]).contains("4 customer(s) matched at subprocessor twilio (voip in eu)"))

        // Run again: everyone is already marked, so nothing new is proposed and the real run is refused.
        let again = try cli.ok(["affect", id, "--subprocessor", "twilio", "--region", "eu", "--dry-run"])
        #expect(again.contains("0 customer(s) would be marked"))
        #expect(again.contains("Skipped, already marked in \(id): \(euVoip.joined(separator: ", "))"))
        let refused = try cli.run(["affect", id, "--subprocessor", "twilio", "--region", "eu"])
        #expect(refused.status == 65)
        #expect(refused.stderr.split(separator: "\n").count == 1)
        let apac = try cli.run(["affect", id, "--subprocessor", "twilio", "--region", "apac", "--dry-run"])
        #expect(apac.status == 65)
        #expect(apac.stderr.contains("--region"))

        // The rest of §9.2: consequences, a mitigation measure and a remediation action.
        try cli.ok(["update", id, "--consequence", "Call records and phone numbers may have been copied"])
        try cli.ok(["update", id, "--action", "The subprocessor made the bucket private", "--kind", "mitigation"])
        try cli.ok(["update", id, "--action", "Call-record retention cut to 30 days", "--kind", "remediation"])
        try cli.ok(["notice", "draft", id, "--all"])
        let check = try #require(try cli.json(["notice", "check", id]) as? [[String: Any]])
        #expect(check.map { $0["customer"] as? String } == euVoip)
        #expect(check.allSatisfy { ($0["unknown"] as? [String])?.isEmpty == true })

        let expected: [String: [String]] = [
            "acme-gmbh": ["Unterauftragsverarbeiter (Twilio, Inc.)", "davon in Kenntnis gesetzt", "Sehr geehrte"],
            "bistro-paris": ["sous-traitants ultérieurs (Twilio, Inc.)", "nous en a informés le"],
            "warszawa-sa": ["dalszych podmiotów przetwarzających (Twilio, Inc.)", "powiadomił nas o incydencie"],
            "dublin-ltd": ["one of our subprocessors (Twilio, Inc.)", "The subprocessor informed us of it at"],
        ]
        for (customer, phrases) in expected {
            let markdown = try cli.ok(["notice", "export", id, "--customer", customer, "--format", "md"])
            for phrase in phrases { #expect(markdown.contains(phrase), "\(customer)'s notice lacks '\(phrase)'") }
        }

        // Counsel decides notices stop naming subprocessors: the next draft says only "one of our subprocessors".
        try cli.ok(["org", "set", "--no-name-subprocessors"])
        try cli.ok(["notice", "draft", id, "--customer", "dublin-ltd"])
        let unnamed = try cli.ok(["notice", "export", id, "--customer", "dublin-ltd", "--format", "json"])
        #expect(!unnamed.contains("Twilio"))
        #expect(unnamed.contains("It started at one of our subprocessors."))

        let verify = try cli.run(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }
}
