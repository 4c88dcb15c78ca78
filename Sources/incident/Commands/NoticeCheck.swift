import ArgumentParser
import Foundation
import IncidentCore
import IncidentNotices
import IncidentStore

struct NoticeCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Which of the seven §9.2 items a notice to each customer could not yet state.",
        discussion: """
            Exits 0 either way: an unknown item is stated in the notice as still under
            investigation.

            Example:
              incident notice check INC-2026-0001
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: OutputOptions

    struct Entry: Encodable {
        var customer: String
        var unknown: [String]
    }

    func run() throws {
        let id = try IncidentID.parse(id)
        let store = try register.open(create: false)
        let incident = try store.incident(id)
        let directory = try store.directory()
        let entries = Workflow.unknownNoticeItems(incident, directory: directory).map { Entry(customer: $0.customer, unknown: $0.unknown) }
        if output.json { return try Output.json(entries) }
        if entries.isEmpty { return Output.print("\(id): no customer is marked affected") }
        Output.print(
            Terminal.current.table(
                ["CUSTOMER", "STILL UNKNOWN"],
                entries.map {
                    [$0.customer, $0.unknown.isEmpty ? "all seven items known" : $0.unknown.joined(separator: ", ")]
                }))
    }
}
