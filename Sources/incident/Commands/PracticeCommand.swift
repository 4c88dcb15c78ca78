import ArgumentParser
import Foundation
import IncidentStore

struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "A practice register for trying things out, apart from the real one.",
        discussion: """
            Any command takes --db practice (or INCIDENT_DB=practice) to use the
            practice register, $XDG_DATA_HOME/incident/practice.sqlite. It records that
            it is for practice, and `incident verify` says so. Only there does
            INCIDENT_CLOCK pin the clock, so a tour prints the same times and hashes on
            any day.

            Example:
              incident practice reset
              INCIDENT_DB=practice incident log --title "Lost laptop" \\
                --nature "A laptop was left on a train" --aware-at now
              incident practice discard
            """,
        subcommands: [PracticePath.self, PracticeReset.self, PracticeDiscard.self])

    static func path() throws -> String {
        try RegisterLocation.practicePath(environment: ProcessInfo.processInfo.environment)
    }
}
