import Foundation
import Testing

@Suite("End to end: controller annex and response metrics")
struct AnnexAndMetricsTests {
    /// Runs a Python 3 program on a file and returns what it prints; fails the test if Python fails.
    static func python(_ program: String, _ file: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", program, file]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 could not read \(file)")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    @Test("an exported annex is JSON Python reads, with this customer's share only")
    func annex() throws {
        // A practice register with a pinned clock, so the notice can be marked sent at a fixed time.
        let (cli, id) = try NoticeFlowTests.world(clock: "2026-11-23T12:00:00Z")
        defer { cli.remove() }
        try cli.ok(["update", id, "--breach-type", "confidentiality", "--breach-type", "Availability"])
        try cli.ok(["notice", "draft", id, "--all"])
        try cli.ok(["notice", "sent", id, "--customer", "acme-gmbh", "--at", "2026-11-23T12:00:00Z"])
        let out = cli.folder + "/annex"
        #expect(try cli.ok(["notice", "export", id, "--all", "--format", "edpb", "--out", out]).contains("2 notice(s) written"))
        let file = out + "/\(id)-acme-gmbh-v1-initial.edpb.json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!text.contains("globex") && !text.contains("Globex") && !text.contains("call-metadata"))
        let program = """
            import json, sys
            a = json.load(open(sys.argv[1], encoding='utf-8'))
            print(a['typeOfNotification']['type'], a['parties']['controller']['name'], a['parties']['processor']['role'])
            print(','.join(a['nature']['breachTypes']['items']), a['nature']['integrity'])
            print(a['timeline']['controllerInformed']['status'], a['timeline']['controllerInformed']['at'])
            print(a['personalData']['approximateNumber']['status'], a['personalData']['approximateNumber']['value'])
            print(a['countries']['status'], a['template'].startswith('EDPB draft common template'))
            """
        #expect(
            try Self.python(program, file).split(separator: "\n") == [
                "initial Acme GmbH processor", "confidentiality,availability False", "sent 2026-11-23T12:00:00Z", "approximate 1200",
                "unknown True",
            ])
        let globex = try Self.python(
            "import json, sys; a = json.load(open(sys.argv[1])); print(a['timeline']['controllerInformed']['status'])",
            out + "/\(id)-globex-v1-initial.edpb.json")
        #expect(globex == "not yet sent")
        let one = try cli.run(["notice", "export", id, "--customer", "acme-gmbh", "--format", "edpb"])
        #expect(one.status == 0 && one.stdout == text)
    }

    @Test("a bad breach type names the option, exits 65 and writes nothing")
    func badBreachType() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.logIncident()
        let before = cli.registerBytes()
        let result = try cli.run(["update", id, "--breach-type", "secrecy"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("error: --breach-type:"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(cli.registerBytes() == before)
        try cli.ok(["update", id, "--breach-type", "integrity"])
        let again = try cli.run(["update", id, "--breach-type", "integrity"])
        #expect(again.status == 65, "a repeated breach type records nothing")
        #expect(try cli.ok(["timeline", id]).contains("breach type + integrity"))
    }

    @Test("metrics follow a corrected awareness time and read the same as JSON")
    func metrics() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.logIncident()
        try cli.ok(["advance", id, "--note", "scoped", "--at", "2026-11-23T12:00:00Z"])
        try cli.ok(["update", id, "--action", "Bucket made private", "--at", "2026-11-23T09:30:00Z"])
        try cli.ok(["advance", id, "--note", "contained", "--at", "2026-11-23T10:00:00Z"])
        var one = try #require(try cli.json(["metrics", id]) as? [String: Any])
        #expect(one["secondsToContained"] as? Int == 7200)
        try cli.ok(["update", id, "--aware-at", "2026-11-23T07:00:00Z"])
        one = try #require(try cli.json(["metrics", id]) as? [String: Any])
        #expect(one["secondsToContained"] as? Int == 10_800)
        #expect(one["awarenessCorrections"] as? Int == 1)
        let text = try cli.ok(["metrics", id])
        #expect(text.contains("contained      2026-11-23T10:00:00Z  3h 00m  after awareness"), "\(text)")
        #expect(text.contains("corrected once"))
        let all = try #require(try cli.json(["metrics", "--since", "2026-11-01T00:00:00Z"]) as? [String: Any])
        #expect(all["incidents"] as? Int == 1)
        #expect((all["toContained"] as? [String: Any])?["medianSeconds"] as? Int == 10_800)
        let none = try #require(try cli.json(["metrics", "--until", "2026-11-01T00:00:00Z"]) as? [String: Any])
        #expect(none["incidents"] as? Int == 0)
        let backwards = try cli.run(["metrics", "--since", "2026-11-23T00:00:00Z", "--until", "2026-11-22T00:00:00Z"])
        #expect(backwards.status == 65 && backwards.stderr.hasPrefix("error: --until:"), "\(backwards.stderr)")
        #expect(try cli.run(["metrics", "INC-2026-0099"]).status == 66)
    }
}
