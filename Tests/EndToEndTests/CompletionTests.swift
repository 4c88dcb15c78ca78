import Foundation
import Testing

/// Completion as bash runs it: the script `--generate-completion-script bash` prints, sourced into bash,
/// with the words of a half-typed command line.
@Suite("Shell completion")
struct CompletionTests {
    func complete(_ cli: CLI, _ words: [String]) throws -> CLI.Result {
        let script = cli.folder + "/incident.bash"
        if !FileManager.default.fileExists(atPath: script) {
            try cli.ok(["--generate-completion-script", "bash"]).write(toFile: script, atomically: true, encoding: .utf8)
        }
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let harness = """
            source '\(script)'
            COMP_WORDS=(incident \(quoted)); COMP_CWORD=$((${#COMP_WORDS[@]}-1))
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
            _incident incident "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let folder = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path
        return try cli.run(
            [], environment: ["PATH": folder + ":" + (cli.environment["PATH"] ?? "/usr/bin:/bin")],
            shell: "exec bash -c '\(harness.replacingOccurrences(of: "'", with: "'\\''"))'; :")
    }

    func words(_ result: CLI.Result) -> [String] { result.stdout.split(separator: "\n").map(String.init).sorted() }

    @Test("incident ids and customer slugs come from the register; category slugs from the vocabulary")
    func fromRegister() throws {
        let (cli, id) = try NoticeFlowTests.world()
        defer { cli.remove() }
        #expect(words(try complete(cli, ["update", ""])) == [id])
        #expect(words(try complete(cli, ["notice", "sent", id, "--customer", ""])) == ["acme-gmbh", "globex"])
        #expect(words(try complete(cli, ["log", "--data-category", "chat"])) == ["chat-transcripts"])
        #expect(words(try complete(cli, ["affect", id, "--subject-category", "end"])) == ["end-users"])
        #expect(words(try complete(cli, ["upd"])) == ["update"])
    }

    @Test("--db on the command line picks the register; without one there is nothing to offer and nothing is printed")
    func noRegister() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let none = try complete(cli, ["show", ""])
        #expect(none.status == 0)
        #expect(words(none).isEmpty)
        #expect(none.stderr.isEmpty)
        let other = cli.folder + "/other.sqlite"
        try cli.ok(["log", "--db", other, "--title", "T", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z"])
        #expect(words(try complete(cli, ["show", "--db", other, ""])) == ["INC-2026-0001"])
        #expect(words(try complete(cli, ["show", ""])).isEmpty)
    }
}
