import Foundation
import Testing

@Suite("End to end: four-eyes approval, the all-clear, and what is due")
struct ApprovalAndDueTests {
    @Test("approval required: sent refuses an unapproved version (67, register unchanged); the drafter cannot approve")
    func approval() throws {
        let (cli, id) = try NoticeFlowTests.world()
        defer { cli.remove() }
        try cli.ok(["org", "set", "--require-approval"])
        #expect(try cli.ok(["org", "show"]).contains("require-approval\tyes"))
        try cli.ok(["notice", "draft", id, "--customer", "acme-gmbh", "--by", "dana"])

        let before = cli.registerBytes()
        let refused = try cli.run(["notice", "sent", id, "--customer", "acme-gmbh"])
        #expect(refused.status == 67)
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(refused.stderr.contains("version 1"))
        #expect(refused.stderr.contains("incident notice approve \(id) --customer acme-gmbh --version 1"))
        #expect(cli.registerBytes() == before, "a refused send writes nothing")

        let own = try cli.run(["notice", "approve", id, "--customer", "acme-gmbh", "--by", "dana"])
        #expect(own.status == 67)
        #expect(own.stderr.contains("dana drafted it"))
        #expect(cli.registerBytes() == before, "a refused approval writes nothing")

        #expect(try cli.ok(["notice", "approve", id, "--customer", "acme-gmbh", "--by", "priya"]).hasSuffix("approved by priya"))
        #expect(try cli.run(["notice", "approve", id, "--customer", "acme-gmbh", "--by", "sam"]).status == 67)
        try cli.ok(["notice", "sent", id, "--customer", "acme-gmbh"])
        let list = try #require(try cli.json(["notice", "list", id]) as? [[String: Any]])
        let version = try #require((list[0]["versions"] as? [[String: Any]])?.first)
        #expect(version["draftedBy"] as? String == "dana")
        #expect(version["approvedBy"] as? String == "priya")
        #expect(version["sentAt"] != nil)
        #expect(try cli.ok(["timeline", id]).contains("notice v1 approved for acme-gmbh"))

        try cli.ok(["org", "set", "--no-require-approval"])
        try cli.ok(["notice", "draft", id, "--customer", "globex"])
        try cli.ok(["notice", "sent", id, "--customer", "globex"])
        try cli.ok(["verify"])
    }

    @Test("ruled out after being told: a not-affected notice, numbered in the customer's sequence, then nothing")
    func allClear() throws {
        let (cli, id) = try NoticeFlowTests.world()
        defer { cli.remove() }
        try cli.ok(["unaffect", id, "--customer", "globex", "--reason", "Its tenant is on the EU cluster"])
        try cli.ok(["notice", "draft", id, "--all"])
        try cli.ok(["notice", "draft", id, "--customer", "acme-gmbh"])
        try cli.ok(["notice", "sent", id, "--customer", "acme-gmbh"])
        let first = try cli.ok(["notice", "export", id, "--customer", "acme-gmbh", "--format", "md"])
        #expect(first.contains("**Notice 1, prepared"), "the customer's first notice is notice 1, though our version 2")
        #expect(first.contains("notice 1 (initial; our version 2)"))

        try cli.ok(["unaffect", id, "--customer", "acme-gmbh", "--reason", "Acme's numbers were never in the export"])
        #expect(try cli.ok(["notice", "draft", id, "--all"]).contains("1"))
        let out = cli.folder + "/out"
        try cli.ok(["notice", "export", id, "--all", "--format", "eml", "--out", out])
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(files == ["\(id)-acme-gmbh-v3-not-affected.eml"])
        let eml = try String(contentsOfFile: out + "/" + files[0], encoding: .utf8)
        let body = try MailParser.plainBody(eml).replacingOccurrences(of: "\n", with: " ")
        #expect(body.contains("Acme's numbers were never in the export"))
        #expect(body.contains("no further notices will follow"))
        #expect(try MailParser.header("Subject", eml).contains("your data was not affected"))
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try cli.ok(["notice", "export", id, "--customer", "acme-gmbh", "--format", "json"]).utf8)) as? [String: Any])
        #expect(json["kind"] as? String == "not-affected")
        #expect(json["sequence"] as? Int == 2)
        #expect(json["nextUpdateBy"] == nil)
        for format in ["txt", "html"] {
            #expect(try cli.ok(["notice", "export", id, "--customer", "acme-gmbh", "--format", format]).contains("EU cluster") == false)
        }
        try cli.ok(["notice", "sent", id, "--customer", "acme-gmbh"])
        #expect(try cli.run(["notice", "draft", id, "--all"]).status == 65, "nobody is owed anything now")
        #expect(try cli.run(["notice", "draft", id, "--customer", "acme-gmbh"]).status == 67)
        try cli.ok(["verify"])
    }

    @Test("due: exit 1 while something is late, 0 otherwise; list --overdue agrees; a promised update is tracked")
    func due() throws {
        let (cli, id) = try NoticeFlowTests.world(clock: "2026-11-23T09:00:00Z")
        defer { cli.remove() }
        try cli.ok(["customer", "edit", "acme-gmbh", "--update-hours", "6"])
        let early = try cli.run(["due"])
        #expect(early.status == 0, "nothing is late an hour after awareness: \(early.stderr)")
        #expect(early.stdout.contains("first-notice"))

        let late = try cli.run(["due", "--json"], environment: ["INCIDENT_CLOCK": "2026-11-24T09:00:00Z"])
        #expect(late.status == 1)
        #expect(late.stderr == "error: due: 1 notice(s) overdue\n")
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(late.stdout.utf8)) as? [[String: Any]])
        #expect(lines.map { $0["customer"] as? String } == ["acme-gmbh", "globex"])
        #expect(lines[0]["overdue"] as? Bool == true)
        #expect(lines[0]["secondsLeft"] as? Int == -3600)
        let overdue = try cli.run(["list", "--overdue"], environment: ["INCIDENT_CLOCK": "2026-11-24T09:00:00Z"])
        #expect(overdue.stdout.contains(id))

        try cli.ok(["notice", "draft", id, "--all"])
        try cli.ok(["notice", "sent", id, "--customer", "acme-gmbh"])
        try cli.ok(["notice", "sent", id, "--customer", "globex"])
        let md = try cli.ok(["notice", "export", id, "--customer", "acme-gmbh", "--format", "md"])
        #expect(md.contains("2026-11-23\u{00A0}16:00, that is 2026-11-23\u{00A0}15:00 UTC, or sooner"))
        let promised = try cli.run(["due", "--within", "7h"])
        #expect(promised.status == 0)
        #expect(promised.stdout.contains("update"))
        #expect(!promised.stdout.contains("globex"), "globex's update is 24 hours away")

        let missed = try cli.run(["due"], environment: ["INCIDENT_CLOCK": "2026-11-23T16:00:01Z"])
        #expect(missed.status == 1)
        #expect(try cli.run(["list", "--overdue"], environment: ["INCIDENT_CLOCK": "2026-11-23T16:00:01Z"]).stdout.contains(id))
        #expect(try cli.run(["list", "--overdue"]).stdout.contains(id) == false)
        #expect(try cli.run(["due", "--within", "soon"]).status == 65)
    }
}
