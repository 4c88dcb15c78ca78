import ArgumentParser
import IncidentCore

/// "did you mean" for a mistyped subcommand: `incident upate` reads
/// `unknown command 'upate'; did you mean 'update'?` rather than the parser's "Unexpected argument".
enum CommandSuggestion {
    /// The message for the first word of `arguments` that should name a subcommand and does not, or nil
    /// when the command words are all known (then the parser's own message stands).
    static func unknownCommand(in arguments: [String], root: any ParsableCommand.Type = IncidentCommand.self) -> String? {
        var command: any ParsableCommand.Type = root
        var path: [String] = []
        for word in arguments {
            let subcommands = command.configuration.subcommands
            // Options come before any subcommand word only when the parser has its own complaint to make.
            guard !subcommands.isEmpty, !word.hasPrefix("-") else { return nil }
            var names: [String] = []
            var next: (any ParsableCommand.Type)?
            for subcommand in subcommands {
                let name = Self.name(of: subcommand)
                names.append(name)
                if name == word || subcommand.configuration.aliases.contains(word) { next = subcommand }
            }
            if let next {
                command = next
                path.append(word)
                continue
            }
            if path.isEmpty && word == "help" { return nil }
            let typed = (path + [word]).joined(separator: " ")
            guard let near = closest(word, among: names) else { return "unknown command '\(typed)'" }
            return "unknown command '\(typed)'; did you mean '\((path + [near]).joined(separator: " "))'?"
        }
        return nil
    }

    private static func name(of command: any ParsableCommand.Type) -> String {
        command._commandName
    }

    /// The nearest name: a unique name that starts with what was typed, else the one within two edits.
    static func closest(_ word: String, among names: [String]) -> String? {
        let starting = names.filter { word.count >= 2 && $0.hasPrefix(word) }
        if starting.count == 1 { return starting[0] }
        let scored = names.map { ($0, EditDistance.between(word.lowercased(), $0)) }
            .filter { $0.1 <= 2 && $0.1 < $0.0.count / 2 + 1 }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        return scored.first?.0
    }
}
