import ArgumentParser
import Foundation
import IncidentStore

/// Entry point: parses, runs, and turns every known failure into one line on stderr and its exit code.
@main
enum Main {
    static func main() {
        // Everything this process creates (register, WAL, exports) is private to its owner, whatever the caller's umask.
        umask(0o077)
        ProcessTuning.apply()
        // `incident --version` alone: a root flag would also catch the `--version N` of `notice sent` and
        // `notice export` (the notice's version), so it is answered before parsing.
        if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
            Output.print(IncidentCommand.version)
            exit(0)
        }
        do {
            var command = try LeanParse.parse(Array(CommandLine.arguments.dropFirst()))
            try command.run()
        } catch let failure as Failure {
            failure.exit()
        } catch {
            if let failure = Failure(error) { failure.exit() }
            let code = IncidentCommand.exitCode(for: error)
            // --help arrives here as an error with exit code 0: let the parser print it.
            if code == .success { IncidentCommand.exit(withError: error) }
            if code.rawValue == 64, let unknown = CommandSuggestion.unknownCommand(in: Array(CommandLine.arguments.dropFirst())) {
                Failure("\(unknown) (see --help)", code.rawValue).exit()
            }
            // Usage errors keep the parser's exit code (64) but, like every other error, take one line.
            let message = IncidentCommand.message(for: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "invalid usage"
            Failure(code.rawValue == 64 ? "\(message) (see --help)" : message, code.rawValue).exit()
        }
    }
}

struct IncidentCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "incident",
        abstract: "Keep the register of confirmed security incidents and drive each through the DPA §9.4 phases.",
        usage: "incident <subcommand>",
        discussion: """
            Phases: investigate → contain → mitigate → remediate → restore → closed.
            The register is a SQLite file (--db PATH, else $INCIDENT_DB, else
            $XDG_DATA_HOME/incident/register.sqlite, i.e.
            ~/.local/share/incident/register.sqlite) or, for a team, a
            PostgreSQL database (--db postgres://user@host/dbname; see
            `incident db`). To try things out, use the practice register:
            --db practice (see `incident practice`).

            Example:
              id=$(incident log --title "Phishing of support agent" \\
                --nature "Agent credentials phished" --aware-at now)
              incident update "$id" --note "Session tokens revoked"

            `incident --version` prints the version.
            """,
        // No `version:` here: argument-parser would then add --version to every subcommand too, where
        // `notice sent` and `notice export` already have a --version of their own (the notice version).
        // A root @Flag named --version is no better: it takes that option from the subcommands.
        subcommands: [
            Log.self, Update.self, Advance.self, Close.self, Reopen.self,
            Show.self, List.self, Due.self, Timeline.self, Metrics.self, Verify.self, Vocab.self,
            CustomerCommand.self, SubprocessorCommand.self, OrgCommand.self, Affect.self, Unaffect.self, NoticeCommand.self,
            CheckpointCommand.self, Backup.self, RegisterExport.self, PracticeCommand.self, DbCommand.self,
        ]
    )

    func run() throws {
        throw CleanExit.helpRequest(self)
    }
}
