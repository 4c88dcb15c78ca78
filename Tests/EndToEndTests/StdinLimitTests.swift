import Foundation
import Testing

/// Issue 10, item 10: standard input is read only up to its limit, so a huge pipe is refused quickly.
@Suite("End to end: standard input is bounded")
struct StdinLimitTests {
    @Test("a 64 MB note on standard input is refused with exit 65 after reading at most 400,001 bytes")
    func hugeStdin() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.logIncident()
        let before = cli.registerBytes()
        // `head -c` feeds 64 MB unless the reader stops early; the binary must not wait for all of it.
        let direct = try Self.run(cli, bytes: 67_108_864, id: id)
        #expect(direct.status == 65, "\(direct.stderr)")
        #expect(direct.stderr.contains("longer than 400000 bytes"), "\(direct.stderr)")
        #expect(cli.registerBytes() == before)
        print("FIGURE stdin: 64 MB piped to --note - refused (exit \(direct.status)) in \(String(format: "%.2f", direct.seconds)) s")
    }

    @Test("a note of exactly 100,000 characters still fits")
    func fits() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.logIncident()
        try cli.ok(["update", id, "--note", "-"], stdin: String(repeating: "é", count: 100_000))
    }

    /// Runs `update --note -` with `bytes` bytes of input piped by a shell, timing the binary alone.
    static func run(_ cli: CLI, bytes: Int, id: String) throws -> (status: Int32, stderr: String, seconds: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "head -c \(bytes) /dev/zero | tr '\\000' x | \"$0\" update \(id) --note - 2>\"$1\"", CLI.binary, cli.folder + "/err",
        ]
        process.environment = cli.environment
        let started = Date()
        try process.run()
        process.waitUntilExit()
        let stderr = (try? String(contentsOfFile: cli.folder + "/err", encoding: .utf8)) ?? ""
        return (process.terminationStatus, stderr, Date().timeIntervalSince(started))
    }
}
