import ArgumentParser
import Foundation
import IncidentStore

struct PracticeDiscard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discard", abstract: "Throw the practice register away.")

    func run() throws {
        let discarded = try Register.discardPractice(at: try PracticeCommand.path())
        Output.print(discarded ? "practice register discarded" : "no practice register to discard")
    }
}
