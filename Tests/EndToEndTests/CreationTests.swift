import Foundation
import Testing

/// Issue 10, class 4: a register is created all at once. Killed creators and crowds of creators never leave a
/// file that later commands call "not an incident register".
@Suite("Reliability: creating a register")
struct CreationTests {
    /// Starts `log` on a new register and kills it after `delayMicros`; true if it had already finished.
    static func logAndKill(_ cli: CLI, delayMicros: UInt32) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["log", "--title", "t", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z"]
        process.environment = cli.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(delayMicros)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .exit && process.terminationStatus == 0
    }

    static func killedCreators(_ count: Int) throws {
        let cli = try CLI()
        defer { cli.remove() }
        var generator = SystemRandomNumberGenerator()
        var killed = 0
        var sizes: [Int: Int] = [:]
        for attempt in 0..<count {
            var run = cli
            run.environment["INCIDENT_DB"] = cli.folder + "/r\(attempt).sqlite"
            // A debug build reaches the creating transaction about 15-40 ms after start.
            if try !Self.logAndKill(run, delayMicros: UInt32.random(in: 0...60_000, using: &generator)) {
                killed += 1
                let size = ((try? FileManager.default.attributesOfItem(atPath: run.registerPath))?[.size] as? Int) ?? -1
                sizes[size, default: 0] += 1
                let list = try run.run(["list"])
                #expect(list.status == 0 || list.status == 66, "attempt \(attempt): list after the kill: \(list.status) \(list.stderr)")
            }
            let log = try run.run(["log", "--title", "again", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z"])
            #expect(log.status == 0, "attempt \(attempt): log after the kill: \(log.stderr)")
            let verify = try run.run(["verify"])
            #expect(verify.status == 0, "attempt \(attempt): \(verify.stdout) \(verify.stderr)")
        }
        #expect(killed > count / 4, "the test really killed creators (\(killed) of \(count))")
        print(
            "FIGURE creation kills: \(count) new registers, \(killed) creators killed, file sizes left (bytes×count) \(sizes.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")); every next log and verify exit 0"
        )
    }

    static func crowd(_ processes: Int, rounds: Int) throws {
        var refused = 0
        for round in 0..<rounds {
            let cli = try CLI()
            defer { cli.remove() }
            let failures = LockedCounter()
            DispatchQueue.concurrentPerform(iterations: processes) { n in
                let result = try? cli.run(["log", "--title", "crowd \(round) \(n)", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z"])
                if result?.status != 0 { failures.add("\(n): \(result?.status ?? -1) \(result?.stderr ?? "")") }
            }
            refused += failures.messages.count
            #expect(failures.messages.isEmpty, "round \(round): \(failures.messages.prefix(3))")
            let list = try #require(try cli.json(["list"]) as? [[String: Any]])
            #expect(Set(list.compactMap { $0["id"] as? String }).count == processes)
            #expect(try cli.run(["verify"]).status == 0)
        }
        print("FIGURE creation crowd: \(rounds) round(s) of \(processes) processes creating one register at once, \(refused) refused")
    }

    @Test("20 creators killed at random: the next command finds no register or a whole one, never a half-made one")
    func killedDuringCreation() throws { try Self.killedCreators(20) }

    @Test("16 processes creating one register at once all succeed with distinct ids")
    func crowdCreating() throws { try Self.crowd(16, rounds: 1) }

    @Test("slow: 120 creators killed at random", .tags(.slow), .enabled(if: SlowTier.isEnabled, SlowTier.note))
    func killedDuringCreationSlow() throws { try Self.killedCreators(120) }

    @Test("slow: 10 rounds of 48 processes creating one register at once", .tags(.slow), .enabled(if: SlowTier.isEnabled, SlowTier.note))
    func crowdCreatingSlow() throws { try Self.crowd(48, rounds: 10) }
}
