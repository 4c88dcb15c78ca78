import ArgumentParser
import IncidentCore
import IncidentNotices
import IncidentStore

struct NoticeSentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sent",
        abstract: "Record that a notice version was sent; the first one's punctuality is fixed now.",
        discussion: """
            Example:
              incident notice sent INC-2026-0001 --customer acme-gmbh \\
                --via "email to dpo@acme.example" --at 2026-11-23T15:10:00Z

            When our details require approval (`org set --require-approval`), a
            version no second person approved is refused (exit 67).
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
        let store = try register.open(create: false)
        let requireApproval = try store.directory().organisation?.approvalRequired ?? false
        let incident = try store.record(id) {
            try Workflow.markSent($0, customer: slug, version: version, via: via, requireApproval: requireApproval, context: context)
        }
        let share = incident.share(of: slug)
        let sentVersion = share?.lastSentVersion ?? 0
        let verdict = share?.firstSent.flatMap { first in
            first.version == sentVersion
                ? (first.onTime ? " (first notice, on time)" : " (first notice, LATE: it was due \(first.dueBy))") : nil
        }
        Output.print("\(WriteReceipt.incident(incident)): notice v\(sentVersion) sent to \(slug)" + (verdict ?? ""))
    }
}
