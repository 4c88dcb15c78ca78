import Foundation
import Testing

@Suite("Reliability: crashes", .tags(.slow), .enabled(if: SlowTier.isEnabled, SlowTier.note))
struct CrashTests {
    /// Starts `incident update` and kills it with SIGKILL after a random delay; returns true if it had
    /// already exited 0 (an acknowledged write) before the kill could land.
    static func writeAndMaybeKill(_ cli: CLI, note: String, delayMicros: UInt32) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["update", "INC-2026-0001", "--note", note]
        process.environment = cli.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(delayMicros)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .exit && process.terminationStatus == 0
    }

    @Test("SIGKILL at random points in 200 writes: the register always opens, verifies, and keeps every acknowledged write")
    func killedWriters() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try cli.logIncident()
        var generator = SystemRandomNumberGenerator()
        var acknowledged: [String] = []
        var killed = 0
        for attempt in 0..<200 {
            let note = "write \(attempt)"
            // Kills land anywhere from start-up to after the commit (a debug build takes about 50-100 ms per write).
            if try Self.writeAndMaybeKill(cli, note: note, delayMicros: UInt32.random(in: 0...150_000, using: &generator)) {
                acknowledged.append(note)
            } else {
                killed += 1
                let verify = try cli.run(["verify"])
                #expect(verify.status == 0, "after kill \(attempt): \(verify.stdout) \(verify.stderr)")
            }
        }
        let timeline = try #require(try cli.json(["timeline", "INC-2026-0001"]) as? [[String: Any]])
        let notes = Set(timeline.compactMap { ($0["details"] as? [String: Any])?["note"] as? String })
        for note in acknowledged { #expect(notes.contains(note), "acknowledged \(note) is present") }
        #expect(killed > 20, "the test really killed writers (\(killed) of 200)")
        #expect(!acknowledged.isEmpty, "some writes finished before their kill, so the check of acknowledged writes ran")
        print(
            "FIGURE crash: 200 writes, \(killed) killed by SIGKILL, \(acknowledged.count) acknowledged, all acknowledged present, verify clean after every kill"
        )
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test("SIGKILL during 30 exports of 40 .eml files: no file is ever left under its final name part-written")
    func killedExports() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.ok(["org", "set", "--name", "Example Processor Ltd", "--email", "security@processor.example"])
        let rows = (0..<40).map { "c\($0),Customer \($0),dpo@c\($0).example" }.joined(separator: "\n")
        try ("slug,name,email\n" + rows + "\n").write(toFile: cli.folder + "/customers.csv", atomically: true, encoding: .utf8)
        try cli.ok(["customer", "import", cli.folder + "/customers.csv"])
        let id = try cli.logIncident()
        let affected = "customer\n" + (0..<40).map { "c\($0)" }.joined(separator: "\n") + "\n"
        try affected.write(toFile: cli.folder + "/affected.csv", atomically: true, encoding: .utf8)
        try cli.ok(["affect", id, "--customers-file", cli.folder + "/affected.csv"])
        try cli.ok(["notice", "draft", id, "--all"])
        var generator = SystemRandomNumberGenerator()
        var torn = 0
        var files = 0
        for attempt in 0..<30 {
            let out = cli.folder + "/out\(attempt)"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = ["notice", "export", id, "--all", "--format", "eml", "--out", out]
            process.environment = cli.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...200_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            for name in (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
            where name.hasSuffix(".eml") && !name.hasPrefix(".") {
                files += 1
                let text = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
                // A complete .eml ends with its multipart boundary's closing line, `--BOUNDARY--`.
                let boundary = text.range(of: #"boundary="([^"]+)""#, options: .regularExpression).map {
                    String(text[$0].dropFirst(10).dropLast())
                }
                if boundary == nil || !text.hasSuffix("--\(boundary!)--\r\n") { torn += 1 }
            }
        }
        #expect(torn == 0, "\(torn) of \(files) files under final names were incomplete")
        print("FIGURE export kills: 30 exports of 40 .eml killed at random, \(files) files under final names, \(torn) incomplete")
    }
}
