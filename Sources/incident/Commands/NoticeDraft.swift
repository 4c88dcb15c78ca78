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

            --note adds a closing note to one customer's final notice (with
            --customer). The closing summary goes to every customer, so a final
            notice whose summary quotes a count that is not that customer's own
            is drafted with a warning on stderr; a closing note for that customer
            is the place to explain it.

            Example:
              incident notice draft INC-2026-0001 --all
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @OptionGroup var choice: CustomerChoice
    @Option(help: "initial, update, final or not-affected.") var kind: String?
    @Option(parsing: .unconditional, help: "A closing note for this customer's final notice (needs --customer).") var note: String?
    @Option(help: "A folder of templates overriding the shipped ones (default: the one set with `org set`).") var templates: String?

    func validate() throws {
        if note != nil && choice.customer == nil {
            throw ValidationError("--note is for one customer's final notice; give --customer SLUG")
        }
    }

    func run() throws {
        let id = try IncidentID.parse(id)
        let context = try writer.context()
        let kind = try kind.map { try NoticeKind.parse($0) }
        let store = try register.open(create: false)
        let (incident, count) = try NoticeDrafting.draft(
            in: store, incident: id, choice: try choice.selection(), requested: kind, overrides: templates, context: context,
            closingNote: try note.map { try TextRules.paragraph($0, field: .closingNote, maxLength: 4_000) },
            onFallback: { Output.warn("no templates for language '\($0)'; using English") },
            onForeignCounts: { facts, counts in
                let quoted = counts.map { NoticeFacts.approximate($0).dropFirst(6) }.joined(separator: ", ")
                let own = [
                    facts.records.map { "\(NoticeFacts.approximate($0)) records" },
                    facts.subjects.map { "\(NoticeFacts.approximate($0)) data subjects" },
                ]
                .compactMap { $0 }
                let owned = own.isEmpty ? "no counts of its own" : own.joined(separator: " and ")
                Output.warn(
                    "\(facts.customer.slug): its final notice's closing summary quotes \(quoted), but its own share has \(owned); "
                        + "explain with `incident notice draft \(id) --customer \(facts.customer.slug) --note TEXT`")
            },
            // Read with the snapshot the notices were drafted from: no second read of the whole directory.
            onNoContact: { Output.warn("our contact details are not set; run `incident org set` and draft again") })
        Output.print("\(WriteReceipt.incident(incident)): \(count) notice(s) drafted")
    }
}
