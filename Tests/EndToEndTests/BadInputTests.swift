import Foundation
import GRDB
import Testing

@Suite("End to end: bad input is refused with one line, its exit code, and nothing written")
struct BadInputTests {
    /// Each case: arguments (with ID standing for a real id), the exit code, and a word the message must contain.
    static let cases: [([String], Int32, String)] = [
        (["update", "INC-2026-0042", "--note", "n"], 66, "INC-2026-0042"),
        (["update", "INC-20-1", "--note", "n"], 65, "ID"),
        (["update", "ID", "--note", "n", "--at", "2026-11-23T09:00:00"], 65, "--at"),
        (["update", "ID", "--note", "n", "--at", "yesterday"], 65, "--at"),
        (["update", "ID", "--note", "n", "--at", "2999-01-01T00:00:00Z"], 65, "future"),
        (["update", "ID", "--data-category", "emial"], 65, "email-addresses"),
        (["update", "ID", "--subject-category", "robots"], 65, "--subject-category"),
        (["update", "ID", "--note", "bell\u{7}"], 65, "control character"),
        (["update", "ID", "--note", "invoice\u{202E}fdp.exe"], 65, "bidirectional"),
        (["update", "ID", "--note", "   "], 65, "empty"),
        (["update", "ID", "--records=-5"], 65, "--records"),
        (["update", "ID"], 65, "nothing new to record"),
        (["update", "ID", "--data-category", "chat-transcripts"], 65, "nothing new to record"),
        (["update", "ID", "--note", "n", "--at", "1969-12-31T23:59:59Z"], 65, "1970"),
        (["update", "ID", "--note", "n", "--db", ""], 78, "--db"),
        (["update", "INC-+202-1", "--note", "n"], 65, "ID"),
        (["update", "ID", "--occurred-from", "2026-11-23T10:00:00Z", "--occurred-to", "2026-11-23T09:00:00Z"], 65, "--occurred-to"),
        (["advance", "ID", "--note", "skip ahead"], 67, "no action"),
        (["close", "ID", "--summary", "s"], 67, "restore"),
        (["reopen", "ID", "--to", "contain", "--reason", "r"], 67, "not closed"),
        (["reopen", "ID", "--to", "nowhere", "--reason", "r"], 65, "--to"),
        (["log", "--title", "t", "--nature", "n", "--aware-at", "2026-11-23 08:00"], 65, "offset"),
        (["log", "--title", "", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z"], 65, "--title"),
        (["log", "--title", String(repeating: "x", count: 5000), "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z"], 65, "--title"),
        (["log", "--title", "t", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z", "--severity", "apocalyptic"], 65, "--severity"),
        (
            ["log", "--title", "t", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z", "--data-category", "other:"], 65,
            "--data-category"
        ),
        (["show", "INC-2026-0042"], 66, "INC-2026-0042"),
        (["timeline", "INC-2026-0042"], 66, "INC-2026-0042"),
    ]

    @Test("refused, one line on stderr, register byte-for-byte unchanged", arguments: cases)
    func refused(arguments: [String], status: Int32, word: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.logIncident()
        try cli.ok(["advance", id, "--note", "scope known"])
        let before = cli.registerBytes()
        let result = try cli.run(arguments.map { $0 == "ID" ? id : $0 })
        #expect(result.status == status, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line: \(result.stderr)")
        #expect(lines.first?.hasPrefix("error: ") == true)
        #expect(result.stderr.contains(word), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(cli.registerBytes() == before, "the register is byte-for-byte unchanged")
    }

    @Test("read commands on a missing register say so and create nothing", arguments: [["list"], ["show", "INC-2026-0001"], ["verify"]])
    func missingRegister(arguments: [String]) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(arguments)
        #expect(result.status == 66)
        #expect(result.stderr.contains("no register at"))
        #expect(!FileManager.default.fileExists(atPath: cli.registerPath))
    }

    @Test("a file that is not a register is refused as unreadable")
    func notARegister() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: cli.registerPath))
        let result = try cli.run(["list"])
        #expect(result.status == 74)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.registerPath)) == Data("not a database".utf8))
    }

    @Test("a register locked past the busy timeout fails with 75 and writes nothing")
    func busy() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.logIncident()
        let queue = try DatabaseQueue(path: cli.registerPath)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            let result = try cli.run(["update", id, "--note", "blocked"], environment: ["INCIDENT_BUSY_TIMEOUT": "0.3"])
            #expect(result.status == 75, "\(result.stderr)")
            #expect(result.stderr.contains("locked"))
            try db.execute(sql: "ROLLBACK")
        }
        let timeline = try #require(try cli.json(["timeline", id]) as? [[String: Any]])
        #expect(timeline.count == 1)
    }

    @Test("usage errors come from the argument parser with exit 64")
    func usage() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["log", "--title", "t"]).status == 64)
        #expect(try cli.run(["update", "INC-2026-0001", "--kind", "mitigation"]).status == 64)
        #expect(try cli.run(["frobnicate"]).status == 64)
    }
}
