import Foundation
import Testing

@Suite("Practice register and pinned clock")
struct PracticeTests {
    static let pinned = "2026-11-23T19:07:32Z"

    func practiceCLI() throws -> CLI {
        var cli = try CLI()
        cli.environment["INCIDENT_DB"] = "practice"
        return cli
    }

    @Test("--db practice lives beside the default register, says so in verify, and never touches the real one")
    func separate() throws {
        let cli = try practiceCLI()
        defer { cli.remove() }
        let path = try cli.ok(["practice", "path"])
        #expect(path == cli.folder + "/.local/share/incident/practice.sqlite")
        let id = try cli.ok(["log", "--title", "Practice", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z"])
        #expect(id == "INC-2026-0001")
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: cli.folder + "/.local/share/incident/register.sqlite"))
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0)
        #expect(verify.lines.last == "practice register: for trying things out; not a record of real incidents")
        // The flag names the same register as the environment.
        #expect(try cli.ok(["list", "--db", "practice"]).contains("Practice"))
    }

    @Test("INCIDENT_CLOCK pins recorded times on a practice register, so a run prints the same hashes on any day")
    func pinnedClock() throws {
        let cli = try practiceCLI()
        defer { cli.remove() }
        let clock = ["INCIDENT_CLOCK": Self.pinned]
        var heads: [String] = []
        for _ in 0..<2 {
            #expect(try cli.run(["practice", "reset"]).stdout == "practice register reset: it is empty\n")
            let log = try cli.run(["log", "--title", "T", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z"], environment: clock)
            #expect(log.status == 0, "\(log.stderr)")
            let timeline = try cli.run(["timeline", "INC-2026-0001"], environment: clock)
            #expect(timeline.lines.last?.contains("\t\(Self.pinned)\t") == true, "\(timeline.stdout)")
            heads.append(try cli.run(["checkpoint"], environment: clock).stdout)
        }
        #expect(heads[0] == heads[1])
    }

    @Test("INCIDENT_CLOCK on a real register is refused with one line and exit 78, before anything is created or written")
    func refusedOnRealRegisters() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let clock = ["INCIDENT_CLOCK": Self.pinned]
        let fresh = try cli.run(["log", "--title", "T", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z"], environment: clock)
        #expect(fresh.status == 78)
        #expect(
            fresh.stderr
                == "error: INCIDENT_CLOCK is honoured only on a practice register (--db practice), not on \(cli.registerPath); unset it\n")
        #expect(!FileManager.default.fileExists(atPath: cli.registerPath))
        let id = try cli.logIncident()
        let before = cli.registerBytes()
        for arguments in [["update", id, "--note", "n"], ["show", id], ["notice", "list", id], ["list", "--overdue"]] {
            let result = try cli.run(arguments, environment: clock)
            #expect(result.status == 78, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(cli.registerBytes() == before)
        // A practice register copied to another path stays practice; a real one copied to the practice path does not become one.
        let practicePath = cli.folder + "/.local/share/incident/practice.sqlite"
        try FileManager.default.createDirectory(atPath: cli.folder + "/.local/share/incident", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: cli.registerPath, toPath: practicePath)
        let disguised = try cli.run(["update", id, "--note", "n", "--db", "practice"], environment: clock)
        #expect(disguised.status != 0)
        #expect(disguised.stderr.contains("not a practice register") || disguised.stderr.contains("INCIDENT_CLOCK"))
        let discard = try cli.run(["practice", "discard"])
        #expect(discard.status == 74)
        #expect(FileManager.default.fileExists(atPath: practicePath))
    }

    @Test("a malformed INCIDENT_CLOCK is a configuration error")
    func malformed() throws {
        let cli = try practiceCLI()
        defer { cli.remove() }
        let result = try cli.run(
            ["log", "--title", "T", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z"],
            environment: ["INCIDENT_CLOCK": "2026-11-23 19:07"])
        #expect(result.status == 78)
        #expect(result.stderr.hasPrefix("error: INCIDENT_CLOCK: "))
    }

    @Test("practice discard throws the practice register away, and says when there was none")
    func discard() throws {
        let cli = try practiceCLI()
        defer { cli.remove() }
        #expect(try cli.ok(["practice", "discard"]) == "no practice register to discard")
        try cli.ok(["log", "--title", "T", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z"])
        #expect(try cli.ok(["practice", "discard"]) == "practice register discarded")
        #expect(!FileManager.default.fileExists(atPath: cli.folder + "/.local/share/incident/practice.sqlite"))
        #expect(try cli.run(["list"]).status == 66)
    }
}
