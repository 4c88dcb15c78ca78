import Foundation
import Testing

/// Runs the built `incident` binary as a separate process, the way a person or a script does.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    let folder: String
    var environment: [String: String]

    var registerPath: String { environment["INCIDENT_DB"]! }

    /// A fresh folder with its own register path and a fixed actor.
    init() throws {
        folder = NSTemporaryDirectory() + "incident-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": folder,
            "INCIDENT_DB": folder + "/register.sqlite",
            "INCIDENT_ACTOR": "e2e-tester",
        ]
    }

    /// The binary `swift build` / `swift test` put beside the test bundle, or `$INCIDENT_BIN`.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["INCIDENT_BIN"] { return path }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("incident").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return ".build/debug/incident"
    }()

    @discardableResult
    /// `stdin` is sent as UTF-8; `input` sends bytes as they are (for input that is not valid UTF-8).
    func run(
        _ arguments: [String], stdin: String? = nil, input bytes: Data? = nil, environment extra: [String: String] = [:],
        shell: String? = nil
    ) throws -> Result {
        let process = Process()
        if let shell {
            // For umask and other shell set-up: `shell` runs first, then the binary with the arguments.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "\(shell); exec \"$0\" \"$@\"", Self.binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: Self.binary)
            process.arguments = arguments
        }
        process.environment = environment.merging(extra) { $1 }
        let out = folder + "/.out-\(UUID().uuidString)"
        let err = folder + "/.err-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: out, contents: nil)
        FileManager.default.createFile(atPath: err, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let data = bytes ?? stdin.map({ Data($0.utf8) }) { input.fileHandleForWriting.write(data) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: err)), as: UTF8.self))
    }

    /// Runs and requires success, returning stdout without its final newline.
    @discardableResult
    func ok(_ arguments: [String], stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments, stdin: stdin)
        #expect(result.status == 0, "incident \(arguments.joined(separator: " ")) failed: \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    /// Logs a typical incident and returns its id.
    func logIncident(title: String = "Transcripts exposed at VoIP subprocessor") throws -> String {
        try ok([
            "log", "--title", title, "--nature", "A storage bucket at the subprocessor was left public",
            "--aware-at", "2026-11-23T08:00:00Z", "--severity", "high", "--source", "Twilio, Inc.",
            "--data-category", "chat-transcripts", "--subject-category", "end-users", "--records", "1200",
        ])
    }

    /// Every byte of the register and its WAL and shared-memory files, to prove a command wrote nothing.
    func registerBytes() -> [String: Data] {
        var files: [String: Data] = [:]
        for suffix in ["", "-wal", "-shm", "-journal"] {
            if let data = FileManager.default.contents(atPath: registerPath + suffix) { files[suffix] = data }
        }
        return files
    }

    func json(_ arguments: [String]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try ok(arguments + ["--json"]).utf8))
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
