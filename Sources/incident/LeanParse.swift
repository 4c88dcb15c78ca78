import ArgumentParser

/// Parses the command line without argument-parser's check for `--generate-completion-script`, when the
/// line cannot be asking for it.
///
/// That check parses the line a second and a third time as two hidden commands of the library's own, and each
/// type it touches for the first time in a process costs the Swift runtime a scan of every protocol conformance
/// in the binary (about 9,400 of them): measured with `perf`, the check was 17% of the CPU time of `incident show`.
/// The lean root has the same commands; the library skips the check for a root that names a super-command, a
/// name it uses only when it writes help, which the lean root never does. Any line the lean root does not
/// parse (a mistake, help, completion scripts) is parsed again by `IncidentCommand`, which says what it always
/// said, so the only difference is time.
enum LeanParse {
    static func parse(_ arguments: [String]) throws -> any ParsableCommand {
        if isPlain(arguments), let command = try? LeanIncidentCommand.parseAsRoot(arguments),
            !(command is LeanIncidentCommand)
        {
            return command
        }
        return try IncidentCommand.parseAsRoot(arguments)
    }

    /// No word that asks for help, a completion script, a completion (`---completion`) or the help dump, anywhere on the line.
    static func isPlain(_ arguments: [String]) -> Bool {
        !arguments.isEmpty
            && !arguments.contains { argument in
                argument == "help" || argument == "-h" || argument == "--help" || argument.hasPrefix("--generate-completion")
                    || argument.hasPrefix("--experimental") || argument.hasPrefix("---")
            }
    }
}

/// `IncidentCommand`'s commands under a root that argument-parser does not check for completion-script requests.
/// Used only to parse; help and errors always come from `IncidentCommand`.
struct LeanIncidentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident", _superCommandName: "", subcommands: IncidentCommand.configuration.subcommands)
}
