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
            While the incident is open it exits 0 either way: an unknown item is
            stated in the notice as still under investigation. Once it is closed,
            every notice is final and may not leave anything open: a §9.2 item or a
            count still unknown fails the check (exit 65) unless it was recorded
            with `update --cannot-determine ITEM --reason TEXT`.

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
        let entries =
            incident.isClosed
            ? Workflow.finalNoticeGaps(incident, directory: directory).map { Entry(customer: $0.customer, unknown: $0.gaps) }
            : Workflow.unknownNoticeItems(incident, directory: directory).map { Entry(customer: $0.customer, unknown: $0.unknown) }
        if output.json {
            try Output.json(entries)
        } else if entries.isEmpty {
            Output.print("\(id): no customer is marked affected")
        } else {
            let known = incident.isClosed ? "nothing left open" : "all seven items known"
            Output.print(
                Terminal.current.table(
                    ["CUSTOMER", "STILL UNKNOWN"],
                    entries.map { [$0.customer, $0.unknown.isEmpty ? known : $0.unknown.joined(separator: ", ")] }))
        }
        let open = entries.filter { !$0.unknown.isEmpty }.count
        if incident.isClosed && open > 0 { throw CommandError.finalNoticeGaps(id, customers: open) }
    }
}
