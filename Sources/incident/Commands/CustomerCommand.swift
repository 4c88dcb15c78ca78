import ArgumentParser
import Foundation
import IncidentCore
import IncidentStore

struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer",
        abstract: "Keep the list of customers (controllers) who receive notices.",
        subcommands: [CustomerAdd.self, CustomerEdit.self, CustomerList.self, CustomerImport.self])
}
