import ArgumentParser
import Foundation
import IncidentCore
import IncidentStore

struct CustomerList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List customers.",
        discussion: "Example:\n  incident customer list --json")

    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let customers = try register.open(create: false).directory().customers.values.sorted { $0.slug < $1.slug }
        if output.json { return try Output.json(customers) }
        Output.print(
            Terminal.current.table(
                ["SLUG", "NAME", "EMAILS", "LANGUAGE", "TIME ZONE", "NOTICE HOURS", "REGIONS", "SERVICES"],
                customers.map {
                    [
                        $0.slug, $0.name, $0.emails.joined(separator: ", "), $0.language, $0.timeZone,
                        $0.noticeHours.map(String.init) ?? "default", $0.regions.joined(separator: ", "),
                        $0.services.joined(separator: ", "),
                    ]
                }))
    }
}
