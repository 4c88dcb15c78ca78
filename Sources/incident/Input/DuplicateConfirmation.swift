import Foundation
import IncidentCore

/// What `log` does when the new incident looks like one already logged (`DuplicateRule`): on a terminal
/// it asks; anywhere else it refuses, unless `--allow-duplicate` was given.
enum DuplicateConfirmation {
    /// The ids a person accepted as different incidents; nil when every duplicate is allowed.
    static func accepted(_ duplicates: [LoggedIncident], allowed: Bool) throws -> Set<IncidentID>? {
        if allowed { return nil }
        guard !duplicates.isEmpty else { return [] }
        guard isatty(STDIN_FILENO) == 1, isatty(STDERR_FILENO) == 1 else { throw PossibleDuplicate(existing: duplicates) }
        let named = duplicates.map { "\($0.id) \"\($0.title)\"" }.joined(separator: ", ")
        let question =
            "\(named) \(duplicates.count == 1 ? "was" : "were") logged with the same title and awareness time. Log another incident anyway? [y/N] "
        StandardStream.error(question)
        let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard answer == "y" || answer == "yes" else { throw PossibleDuplicate(existing: duplicates) }
        return Set(duplicates.map(\.id))
    }
}
