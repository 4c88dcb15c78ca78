import Foundation
import Testing

/// The README's tour, run as a person pasting it into a fresh shell would: every ```console block in order,
/// each `$ ` command through bash on a terminal (script(1) provides one, so tables look as they do to a
/// person), in one environment. What each command prints, and its exit status, must be what the README
/// shows, exactly.
///
/// To re-record the README's output from a real run: `INCIDENT_RECORD_README=1 swift test --filter ReadmeTour`.
@Suite("README tour")
struct ReadmeTourTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    @Test("every console block of README.md prints what it shows, on any day")
    func tour() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        var document = ConsoleDocument(text)
        #expect(document.commands.count > 30, "the tour has lost its commands")
        var shell = try TourShell()
        defer { shell.remove() }
        let record = ProcessInfo.processInfo.environment["INCIDENT_RECORD_README"] == "1"
        for index in document.commands.indices {
            let command = document.commands[index]
            let result = try shell.run(command.text)
            if record {
                document.commands[index].output = result.output
                continue
            }
            #expect(result.output == command.output, "`\(command.text)` printed:\n\(result.output.joined(separator: "\n"))")
            let next = index + 1 < document.commands.count ? document.commands[index + 1] : nil
            if next?.text == "echo $?" {
                #expect(next?.output == ["\(result.status)"], "`\(command.text)` exited \(result.status)")
            } else if command.output.contains(where: { $0.hasPrefix("error: ") }) {
                #expect(result.status != 0, "`\(command.text)` shows an error but succeeded")
            } else {
                #expect(result.status == 0, "`\(command.text)` exited \(result.status)")
            }
        }
        if record { try document.text.write(to: Self.readme, atomically: true, encoding: .utf8) }
    }

    @Test("the tour's reader is sound: continuations, exports and echo $?")
    func reader() throws {
        let document = ConsoleDocument(
            """
            Text.

            ```console
            $ export A=1 B="two"
            $ incident log --title "T" \\
                --nature N
            INC-2026-0001
            $ echo $?
            0
            ```

            ```sh
            $ not a console block
            ```
            """)
        #expect(document.commands.map(\.text) == ["export A=1 B=\"two\"", "incident log --title \"T\" \\\n    --nature N", "echo $?"])
        #expect(document.commands.map(\.output) == [[], ["INC-2026-0001"], ["0"]])
        #expect(TourShell.exports("export A=1 B=\"two words\" C='x'") == ["A": "1", "B": "two words", "C": "x"])
    }
}

/// The README split into its console commands, each with the lines it shows as output.
struct ConsoleDocument {
    struct Command {
        var text: String
        var output: [String]
        /// Where in `lines` the output starts, and how many lines it had when read.
        var outputStart: Int
        var outputCount: Int
    }

    private var lines: [String]
    var commands: [Command] = []

    init(_ text: String) {
        lines = text.components(separatedBy: "\n")
        var inConsole = false
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("```") {
                inConsole = !inConsole && line == "```console" ? true : false
                index += 1
                continue
            }
            guard inConsole, line.hasPrefix("$ ") else {
                index += 1
                continue
            }
            var command = String(line.dropFirst(2))
            while command.hasSuffix("\\"), index + 1 < lines.count {
                index += 1
                command += "\n" + lines[index]
            }
            index += 1
            let start = index
            while index < lines.count, !lines[index].hasPrefix("$ "), !lines[index].hasPrefix("```") { index += 1 }
            commands.append(Command(text: command, output: Array(lines[start..<index]), outputStart: start, outputCount: index - start))
        }
    }

    /// The document with each command's output as it is now in `commands`.
    var text: String {
        var result = lines
        for command in commands.reversed() {
            result.replaceSubrange(command.outputStart..<(command.outputStart + command.outputCount), with: command.output)
        }
        return result.joined(separator: "\n")
    }
}

/// A fresh shell: its own home and working folder, `incident` on the PATH, and the variables the tour exports.
struct TourShell {
    let home: String
    var folder: String
    var environment: [String: String]
    var lastStatus: Int32 = 0

    init() throws {
        home = NSTemporaryDirectory() + "incident-tour-\(UUID().uuidString)"
        folder = home
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let binaries = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path
        // Colour is the only difference between a person's terminal and this one.
        environment = [
            "HOME": home, "PATH": binaries + ":/usr/local/bin:/usr/bin:/bin", "NO_COLOR": "1", "TERM": "xterm", "LANG": "C.UTF-8",
            "TMPDIR": home,
        ]
    }

    /// Runs one command; `export`, `unset` and `cd` change the shell, `echo $?` reports the last status.
    mutating func run(_ command: String) throws -> (output: [String], status: Int32) {
        if command.hasPrefix("export ") {
            environment.merge(Self.exports(command)) { $1 }
            return ([], 0)
        }
        if command.hasPrefix("unset ") {
            for name in command.split(separator: " ").dropFirst() { environment[String(name)] = nil }
            return ([], 0)
        }
        if command == "echo $?" { return (["\(lastStatus)"], 0) }
        if command.hasPrefix("cd ") {
            let result = try terminal("\(command) && pwd")
            folder = result.output.last ?? folder
            return ([], result.status)
        }
        let result = try terminal(command)
        lastStatus = result.status
        return result
    }

    /// `export A=1 B="two words"`: the assignments, unquoted.
    static func exports(_ command: String) -> [String: String] {
        var result: [String: String] = [:]
        var word = ""
        var quote: Character?
        var words: [String] = []
        for character in command.dropFirst("export ".count) {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == " " {
                if !word.isEmpty {
                    words.append(word)
                    word = ""
                }
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        for word in words {
            guard let equals = word.firstIndex(of: "=") else { continue }
            result[String(word[..<equals])] = String(word[word.index(after: equals)...])
        }
        return result
    }

    /// Runs `command` in bash on a terminal, so output is what a person sees: stdout and stderr interleaved.
    private func terminal(_ command: String) throws -> (output: [String], status: Int32) {
        let script = home + "/.command-\(UUID().uuidString).sh"
        try command.write(toFile: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "bash --norc --noprofile '\(script)'", "/dev/null"]
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasSuffix("\n") { text.removeLast() }
        return (text.isEmpty ? [] : text.components(separatedBy: "\n"), process.terminationStatus)
    }

    func remove() { try? FileManager.default.removeItem(atPath: home) }
}
