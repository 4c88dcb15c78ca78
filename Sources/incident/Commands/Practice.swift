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

struct PracticePath: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path", abstract: "Print where the practice register lives.")

    func run() throws { Output.print(try PracticeCommand.path()) }
}

struct PracticeReset: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset", abstract: "Throw the practice register away and start a new, empty one.")

    func run() throws {
        let path = try PracticeCommand.path()
        _ = try Register.discardPractice(at: path)
        try Register(path: path, create: true).markPractice()
        Output.print("practice register reset: it is empty")
    }
}

struct PracticeDiscard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discard", abstract: "Throw the practice register away.")

    func run() throws {
        let discarded = try Register.discardPractice(at: try PracticeCommand.path())
        Output.print(discarded ? "practice register discarded" : "no practice register to discard")
    }
}
