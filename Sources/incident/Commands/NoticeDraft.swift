import ArgumentParser
import IncidentCore
import IncidentNotices
import IncidentStore

struct NoticeDraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft the next notice version for one customer or all of them.",
        discussion: """
            The kind follows the incident: initial first, update while open, final once
            closed (or --kind); a customer ruled out after it was sent a notice gets a
            not-affected notice, once. Each draft is an event on the register and
            records the register's checkpoint.

            Example:
              incident notice draft INC-2026-0001 --all
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @OptionGroup var choice: CustomerChoice
    @Option(help: "initial, update, final or not-affected.") var kind: String?
    @Option(help: "A folder of templates overriding the shipped ones (default: the one set with `org set`).") var templates: String?

    func run() throws {
        let id = try IncidentID.parse(id)
        let context = try writer.context()
        let kind = try kind.map { try NoticeKind.parse($0) }
        let store = try register.open(create: false)
        let (incident, count) = try NoticeDrafting.draft(
            in: store, incident: id, choice: try choice.selection(), requested: kind, overrides: templates, context: context,
            onFallback: { Output.warn("no templates for language '\($0)'; using English") })
        if try store.directory().organisation == nil {
            Output.warn("our contact details are not set; run `incident org set` and draft again")
        }
        Output.print("\(WriteReceipt.incident(incident)): \(count) notice(s) drafted")
    }
}
