import ArgumentParser
import IncidentCore

struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close an incident that is in restore, with a closing summary.",
        discussion: """
            Example:
              incident close INC-2026-0001 \\
                --summary "Keys rotated, bucket locked down, customers notified"
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @Option(parsing: .unconditional, help: "What happened and how it ended ('-' reads standard input).") var summary: String
    @Option(help: ArgumentHelp("When this happened, if not now.", valueName: "time")) var at: String?

    func run() throws {
        let id = try IncidentID.parse(id)
        let context = try writer.context(at: at)
        let summary = try TextRules.paragraph(TextArgument.read(summary, field: .summary), field: .summary, maxLength: 100_000)
        let incident = try register.open(create: false).record(id) { try Workflow.close($0, summary: summary, context: context) }
        Output.print("\(WriteReceipt.incident(incident)) is closed")
    }
}
