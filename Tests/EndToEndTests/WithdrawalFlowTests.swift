import Foundation
import Testing

@Suite("End to end: withdrawals, recommendations, planned measures and final notices")
struct WithdrawalFlowTests {
    @Test("on SQLite")
    func sqlite() throws {
        let (cli, id) = try NoticeFlowTests.world()
        defer { cli.remove() }
        try Self.scenario(cli, id)
    }

    @Test("on PostgreSQL")
    func postgres() throws {
        var cli = try CLI()
        let database = try PostgresDatabase(cli: &cli)
        defer {
            database.drop()
            cli.remove()
        }
        try cli.ok(["org", "set", "--name", "Example Processor Ltd", "--email", "security@processor.example"])
        for (slug, name, zone) in [("acme-gmbh", "Acme GmbH", "Europe/Berlin"), ("globex", "Globex Corporation", "America/New_York")] {
            try cli.ok(["customer", "add", slug, "--name", name, "--email", "dpo@\(slug).example", "--timezone", zone])
        }
        let id = try cli.logIncident()
        try cli.ok([
            "affect", id, "--customer", "acme-gmbh", "--data-category", "chat-transcripts", "--records", "1200", "--subjects", "300",
        ])
        try cli.ok(["affect", id, "--customer", "globex", "--data-category", "call-metadata", "--records", "40"])
        try Self.scenario(cli, id)
    }

    /// Acme's notices lose a withdrawn category and gain a recommendation and a planned measure; the final
    /// notice is checked for what it leaves open.
    static func scenario(_ cli: CLI, _ id: String) throws {
        try cli.ok(["customer", "edit", "acme-gmbh", "--language", "de"])
        try cli.ok([
            "update", id, "--data-category", "telephone-numbers", "--consequence", "Phishing calls to end users",
            "--consequence", "Account takeover", "--system", "Voice gateway", "--region", "EU (Frankfurt)",
        ])
        try cli.ok(["affect", id, "--customer", "acme-gmbh", "--data-category", "telephone-numbers"])
        try cli.ok(["notice", "draft", id, "--customer", "acme-gmbh"])
        try cli.ok(["notice", "sent", id, "--customer", "acme-gmbh"])

        // Refusals: one line, exit 65, nothing written.
        let before = try cli.ok(["checkpoint"])
        for (arguments, flag) in [
            (["--withdraw-data-category", "ip-addresses", "--note", "r"], "--withdraw-data-category"),
            (["--withdraw-consequence", "9", "--note", "r"], "--withdraw-consequence"),
            (["--withdraw-action", "1", "--note", "r"], "--withdraw-action"),
            (["--withdraw-data-category", "telephone-numbers"], "--note"),
        ] {
            let result = try cli.run(["update", id] + arguments)
            #expect(result.status == 65, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("error: \(flag): "), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(try cli.ok(["checkpoint"]) == before)

        try cli.ok([
            "update", id, "--withdraw-data-category", "telephone-numbers", "--withdraw-consequence", "2",
            "--note", "The exported table held no phone numbers",
        ])
        try cli.ok(["update", id, "--customer-action", "Warn end users about phishing calls quoting recent call times"])
        try cli.ok(["update", id, "--planned-action", "Rotate every agent's session keys", "--planned-by", "2026-11-24T12:00:00Z"])
        try cli.ok(["notice", "draft", id, "--customer", "acme-gmbh"])
        let update = try cli.ok(["notice", "export", id, "--customer", "acme-gmbh", "--format", "md"])
        #expect(update.contains("Telefonnummern"))  // only as withdrawn
        #expect(update.contains("Irrtümlich gemeldet, nicht betroffen: Kategorien personenbezogener Daten:** Telefonnummern"))
        #expect(!update.contains("- Telefonnummern"))
        #expect(!update.contains("- Account takeover"))  // listed only as withdrawn, under the changes
        #expect(update.contains("## Was wir Ihnen empfehlen"))
        #expect(update.contains("Warn end users about phishing calls"))
        #expect(update.contains("## Noch geplante Maßnahmen"))
        #expect(update.contains("Wir stufen den Vorfall als schwerwiegend ein."))
        #expect(update.contains("Betroffene Systeme: Voice gateway."))
        for word in ["withdrawn", "high", "telephone-numbers"] { #expect(!update.contains(word), "\(word) in the notice") }
        let timeline = try cli.ok(["timeline", id])
        #expect(timeline.contains("telephone-numbers"))
        #expect(timeline.contains("withdrawn data categories telephone-numbers"))

        let json = try cli.ok(["notice", "export", id, "--customer", "acme-gmbh", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["recommendedActions"] as? [String] == ["Warn end users about phishing calls quoting recent call times"])

        // Done: the planned measure becomes an action; then close with a summary quoting the total.
        try cli.ok(["update", id, "--complete-planned", "1"])
        try cli.ok(["advance", id, "--note", "contained"])
        for phase in ["contain", "mitigate", "remediate", "restore"] {
            try cli.ok(["update", id, "--action", "Work done in \(phase)"])
            if phase != "restore" { try cli.ok(["advance", id, "--note", "next"]) }
        }
        try cli.ok(["close", id, "--summary", "About 58,500 records were exposed across all customers."])
        let check = try cli.run(["notice", "check", id])
        #expect(check.status == 65)
        #expect(check.stdout.contains("subjects"))
        try cli.ok(["update", id, "--cannot-determine", "subjects", "--reason", "The gateway keeps no per-person log"])
        #expect(try cli.run(["notice", "check", id]).status == 0)

        let drafted = try cli.run(["notice", "draft", id, "--all"])
        #expect(drafted.status == 0)
        let warnings = drafted.stderr.split(separator: "\n")
        #expect(warnings.count == 2)
        #expect(warnings.allSatisfy { $0.hasPrefix("warning: ") && $0.contains("58,500") })
        try cli.ok(["notice", "draft", id, "--customer", "globex", "--note", "Of these, about 40 were yours."])
        let final = try cli.ok(["notice", "export", id, "--customer", "globex", "--format", "md"])
        #expect(final.contains("Of these, about 40 were yours."))
        #expect(final.contains("cannot be determined: The gateway keeps no per-person log"))
        try cli.ok(["verify"])
    }
}
