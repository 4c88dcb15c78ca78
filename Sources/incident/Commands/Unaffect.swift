import ArgumentParser
import IncidentCore
import IncidentStore

struct Unaffect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unaffect",
        abstract: "Record that investigation ruled a customer out; its notice clock stops.",
        discussion: """
            Example:
              incident unaffect INC-2026-0001 --customer acme-gmbh \\
                --reason "Its tenant was on the unaffected cluster"
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @Option(help: "Customer slug.", completion: .customerSlugs) var customer: String
    @Option(parsing: .unconditional, help: "Why it is ruled out ('-' reads standard input).") var reason: String

    func run() throws {
        let id = try IncidentID.parse(id)
        let context = try writer.context()
        let slug = try Slug.parse(customer, field: .customer)
        let reason = try TextRules.paragraph(TextArgument.read(reason, field: .reason), field: .reason)
        let incident = try register.open(create: false).record(id) {
            try Workflow.unaffect($0, customer: slug, reason: reason, context: context)
        }
        Output.print("\(WriteReceipt.incident(incident)): \(slug) ruled out")
    }
}
