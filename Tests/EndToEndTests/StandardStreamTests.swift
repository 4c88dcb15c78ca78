import Foundation
import Testing

/// What the binary prints, and how: straight to the descriptors, one line on stderr when stdout cannot take it,
/// and the same words whichever root parsed the line (`LeanParse`).
@Suite("Standard streams and parsing")
struct StandardStreamTests {
    @Test(
        "a full disk behind stdout is one line on stderr and exit 74, not a trap",
        arguments: [["--version"], ["list"], ["vocab"]])
    func fullDisk(arguments: [String]) throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try cli.logIncident()
        let result = try cli.run(arguments, shell: "exec >/dev/full")
        #expect(result.status == 74)
        #expect(result.stderr == "error: standard output: cannot write (No space left on device)\n")
    }

    @Test("a reader that went away ends the command by SIGPIPE, quietly, even where SIGPIPE was ignored (as NIO does)")
    func readerGone() throws {
        let cli = try CLI()
        defer { cli.remove() }
        // The shell ignores SIGPIPE before starting the binary (ignored signals survive exec), and the reader of the
        // pipe has exited before the binary writes, so its write fails with EPIPE instead of raising the signal.
        // `$0` is the binary; the trailing `exit` keeps the harness from starting it once more.
        let result = try cli.run([], shell: "trap '' PIPE; (sleep 0.3; \"$0\" --version; echo \"status $?\" >&2) | true; exit 0")
        #expect(result.stderr == "status 141\n")
    }

    @Test("lines the lean root would take and lines it would not say the same as before")
    func sameWords() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.logIncident()
        // Parsed by the lean root: the output is the command's own.
        #expect(try cli.ok(["show", id]).hasPrefix("\(id)  Transcripts exposed at VoIP subprocessor"))
        // A mistake goes back to the full root, whose message and exit code are unchanged.
        let missing = try cli.run(["show"])
        #expect(missing.status == 64)
        #expect(missing.stderr == "error: Missing expected argument '<id>' (see --help)\n")
        let unknown = try cli.run(["shwo", id])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("error: unknown command 'shwo'"))
        // Help names the tool as `incident`, however the line was parsed.
        let help = try cli.run(["show", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: incident show <id>"))
        let group = try cli.run(["notice"])
        #expect(group.status == 0)
        #expect(group.stdout.contains("USAGE: incident notice <subcommand>"))
    }
}
