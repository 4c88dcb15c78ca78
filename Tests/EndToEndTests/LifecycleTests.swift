import Foundation
import Testing

@Suite("End to end: an incident's life through the binary")
struct LifecycleTests {
    @Test("log, update, advance through all five phases, close, verify; the timeline shows every step")
    func fullLife() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.logIncident()
        #expect(id == "INC-2026-0001")
        try cli.ok([
            "update", id, "--note", "Scope being confirmed", "--records", "1500", "--consequence",
            "Transcripts may be read by third parties",
        ])
        try cli.ok(["advance", id, "--note", "Nature and scope known"])
        for (phase, action) in [
            ("contain", "Bucket made private"), ("mitigate", "Exposed access keys rotated"),
            ("remediate", "Bucket policy checked in CI"), ("restore", "Transcript export re-enabled"),
        ] {
            let shown = try #require(try cli.json(["show", id]) as? [String: Any])
            #expect(shown["phase"] as? String == phase)
            try cli.ok(["update", id, "--action", action, "--by", "responder-\(phase)"])
            if phase == "restore" {
                try cli.ok(["close", id, "--summary", "Contained, fixed and restored; customers notified"])
            } else {
                try cli.ok(["advance", id, "--note", "\(phase) done"])
            }
        }
        let final = try #require(try cli.json(["show", id]) as? [String: Any])
        #expect(final["phase"] as? String == "closed")
        #expect(final["awareAt"] as? String == "2026-11-23T08:00:00Z")
        #expect(final["records"] as? Int == 1500)
        #expect(
            (final["actions"] as? [[String: Any]])?.map { $0["kind"] as? String } == [
                "containment", "mitigation", "remediation", "restoration",
            ])

        let timeline = try #require(try cli.json(["timeline", id]) as? [[String: Any]])
        #expect(
            timeline.map { $0["type"] as? String } == [
                "logged", "updated", "advanced", "updated", "advanced", "updated", "advanced", "updated", "advanced", "updated", "closed",
            ])
        for entry in timeline {
            #expect((entry["actor"] as? String)?.isEmpty == false)
            #expect((entry["at"] as? String)?.hasSuffix("Z") == true)
            #expect((entry["recordedAt"] as? String)?.hasSuffix("Z") == true)
        }
        #expect(timeline[3]["actor"] as? String == "responder-contain")
        #expect(timeline[0]["actor"] as? String == "e2e-tester")

        let verify = try cli.run(["verify"])
        #expect(verify.status == 0)
        #expect(verify.lines.first == "11 events checked, 11 valid")
    }

    @Test("reopen brings a closed incident back and its timeline records why")
    func reopen() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.logIncident()
        try cli.ok(["advance", id, "--note", "n"])
        for _ in 0..<3 {
            try cli.ok(["update", id, "--action", "a"])
            try cli.ok(["advance", id, "--note", "n"])
        }
        try cli.ok(["update", id, "--action", "a"])
        try cli.ok(["close", id, "--summary", "done"])
        #expect(try cli.ok(["reopen", id, "--to", "contain", "--reason", "Same keys used again"]).contains("contain"))
        let timeline = try #require(try cli.json(["timeline", id]) as? [[String: Any]])
        #expect(timeline.last?["type"] as? String == "reopened")
        #expect(timeline.last?["summary"] as? String == "reopened in contain: Same keys used again")
        #expect(try cli.run(["advance", id, "--note", "too soon"]).status == 67, "the reopened phase needs a new action")
    }

    @Test("list filters and prints tab-separated lines with a header when piped")
    func listing() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let first = try cli.logIncident(title: "First")
        try cli.ok(["log", "--title", "Second", "--nature", "n", "--aware-at", "2026-11-23T09:00:00+01:00", "--severity", "low"])
        try cli.ok(["advance", first, "--note", "known"])
        let all = try cli.ok(["list"]).split(separator: "\n")
        #expect(all.first == "ID\tPHASE\tSEVERITY\tAWARE AT\tTITLE")
        #expect(all.count == 3)
        #expect(!all.joined().contains("\u{1B}"), "no colour when piped")
        #expect(try cli.ok(["list", "--phase", "contain"]).contains(first))
        #expect(!(try cli.ok(["list", "--severity", "low"]).contains(first)))
        #expect(try cli.ok(["list", "--closed"]).split(separator: "\n").count == 1)
        let json = try #require(try cli.json(["list", "--open"]) as? [[String: Any]])
        #expect(Set(json.compactMap { $0["id"] as? String }) == [first, "INC-2026-0002"])
        #expect(json.allSatisfy { $0["title"] != nil && $0["phase"] != nil && $0["awareAt"] != nil })
        #expect(try cli.run(["list", "--open", "--closed"]).status == 64)
        let limited = try cli.ok(["list", "--limit", "1"]).split(separator: "\n")
        #expect(limited.count == 2, "header and the newest one")
        #expect(limited.last?.hasPrefix("INC-2026-0002") == true, "newest first (same awareness time: the higher number)")
        #expect(try cli.ok(["list", "--limit", "0"]).split(separator: "\n").count == 3)
    }

    @Test("a long note can come from standard input")
    func noteFromStdin() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.logIncident()
        let long = (1...200).map { "Line \($0) of the forensic summary, with \"quotes\" and ünïcödé." }.joined(separator: "\n")
        try cli.ok(["update", id, "--note", "-"], stdin: long)
        let shown = try #require(try cli.json(["show", id]) as? [String: Any])
        #expect((shown["notes"] as? [[String: Any]])?.first?["text"] as? String == long)
    }

    @Test("the default register lives under XDG_DATA_HOME, private, created on first use")
    func defaultLocation() throws {
        var cli = try CLI()
        defer { cli.remove() }
        cli.environment["INCIDENT_DB"] = nil
        cli.environment["XDG_DATA_HOME"] = cli.folder + "/data"
        let id = try cli.run(["log", "--title", "t", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z"], shell: "umask 000")
        #expect(id.status == 0, "\(id.stderr)")
        let path = cli.folder + "/data/incident/register.sqlite"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: cli.folder + "/data/incident")
        #expect(folder[.posixPermissions] as? Int == 0o700)
        cli.environment["XDG_DATA_HOME"] = nil
        let home = try cli.run(["log", "--title", "t", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z"])
        #expect(home.status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.folder + "/.local/share/incident/register.sqlite"))
    }

    @Test(
        "--help on every command shows an example",
        arguments: [
            "log", "update", "advance", "close", "reopen", "show", "list", "timeline", "verify", "vocab",
        ])
    func help(command: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example"))
        #expect(result.stdout.contains("incident \(command)") || command == "vocab")
    }

    @Test("vocab lists both Appendix 1 vocabularies")
    func vocab() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let lists = try #require(try cli.json(["vocab"]) as? [String: [[String: String]]])
        #expect(lists["dataCategories"]?.count == 16)
        #expect(lists["subjectCategories"]?.count == 9)
        #expect(try cli.ok(["vocab"]).contains("subject\tend-users\tEnd users"))
    }
}

@Suite("End to end: corrections")
struct CorrectionTests {
    @Test("a restated nature can come from standard input, and the timeline records the correction")
    func natureFromStdin() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.logIncident()
        try cli.ok(["update", id, "--nature", "-", "--severity", "critical"], stdin: "Restated:\nthe bucket held call recordings too")
        let shown = try #require(try cli.json(["show", id]) as? [String: Any])
        #expect(shown["nature"] as? String == "Restated:\nthe bucket held call recordings too")
        let timeline = try #require(try cli.json(["timeline", id]) as? [[String: Any]])
        #expect(timeline.last?["summary"] as? String == "nature restated; severity high → critical")
        let details = try #require(timeline.last?["details"] as? [String: Any])
        #expect((details["severity"] as? [String: String]) == ["from": "high", "to": "critical"])
    }
}
