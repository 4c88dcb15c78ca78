import ArgumentParser
import Foundation
import IncidentStore

struct PracticePath: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path", abstract: "Print where the practice register lives.")

    func run() throws { Output.print(try PracticeCommand.path()) }
}
