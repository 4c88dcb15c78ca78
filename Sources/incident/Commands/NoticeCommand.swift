import ArgumentParser
import IncidentCore
import IncidentNotices
import IncidentStore

struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Draft, export and track the customer notices of DPA §9.2/§9.3.",
        subcommands: [NoticeDraftCommand.self, NoticeExportCommand.self, NoticeSentCommand.self, NoticeListCommand.self,
                      NoticeCheckCommand.self, NoticeTemplatesCommand.self])
}

/// `--customer SLUG | --all`, shared by draft and export.
struct CustomerChoice: ParsableArguments {
    @Option(help: "One customer's slug.", completion: .customerSlugs) var customer: String?
    @Flag(help: "Every affected customer not ruled out.") var all = false

    func validate() throws {
        if customer != nil && all { throw ValidationError("give --customer SLUG or --all, not both") }
        if customer == nil && !all { throw ValidationError("give --customer SLUG or --all") }
    }

    func selection() throws -> CustomerSelection {
        try customer.map { .one(try Slug.parse($0, field: .customer)) } ?? .all
    }
}

struct NoticeDraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft the next notice version for one customer or all of them.",
        discussion: """
            The kind follows the incident: initial first, update while open, final once
            closed (or --kind). Each draft is an event on the register and records the
            register's checkpoint.

            Example:
              incident notice draft INC-2026-0001 --all
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @OptionGroup var choice: CustomerChoice
    @Option(help: "initial, update or final.") var kind: String?
    @Option(help: "A folder of templates overriding the shipped ones (default: the one set with `org set`).") var templates: String?

    func run() throws {
        let id = try IncidentID.parse(id)
        let context = try writer.context()
        let kind = try kind.map { try NoticeKind.parse($0) }
        let store = try register.open(create: false)
        let (incident, count) = try NoticeDrafting.draft(
            in: store, incident: id, choice: try choice.selection(), requested: kind, overrides: templates, context: context,
            onFallback: { Output.warn("no templates for language '\($0)'; using English") })
        if try store.directory().organisation == nil { Output.warn("our contact details are not set; run `incident org set` and draft again") }
        Output.print("\(WriteReceipt.incident(incident)): \(count) notice(s) drafted")
    }
}

struct NoticeSentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sent",
        abstract: "Record that a notice version was sent; the first one's punctuality is fixed now.",
        discussion: """
            Example:
              incident notice sent INC-2026-0001 --customer acme-gmbh \\
                --via "email to dpo@acme.example" --at 2026-11-23T15:10:00Z
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @Option(help: "Customer slug.", completion: .customerSlugs) var customer: String
    @Option(help: "Version sent (default: the latest).") var version: Int?
    @Option(help: ArgumentHelp("When it was sent, if not now.", valueName: "time")) var at: String?
    @Option(parsing: .unconditional, help: "How it was sent.") var via: String?

    func run() throws {
        let id = try IncidentID.parse(id)
        let context = try writer.context(at: at)
        let slug = try Slug.parse(customer, field: .customer)
        let via = try via.map { try TextRules.line($0, field: .sentVia) }
        let incident = try register.open(create: false).record(id) {
            try Workflow.markSent($0, customer: slug, version: version, via: via, context: context)
        }
        let share = incident.share(of: slug)
        let sentVersion = share?.lastSentVersion ?? 0
        let verdict = share?.firstSent.flatMap { first in
            first.version == sentVersion ? (first.onTime ? " (first notice, on time)" : " (first notice, LATE: it was due \(first.dueBy))") : nil
        }
        Output.print("\(WriteReceipt.incident(incident)): notice v\(sentVersion) sent to \(slug)" + (verdict ?? ""))
    }
}
