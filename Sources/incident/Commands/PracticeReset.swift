import ArgumentParser
import Foundation
import IncidentStore

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
