import ArgumentParser
import IncidentCore

struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Bring a closed incident back to a working phase, with the reason.",
        discussion: """
            Example:
              incident reopen INC-2026-0001 --to investigate \\
                --reason "Same credentials seen in a new login attempt"
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @Option(help: "investigate, contain, mitigate, remediate or restore.") var to: String
    @Option(parsing: .unconditional, help: "Why it is reopened ('-' reads standard input).") var reason: String
    @Option(help: ArgumentHelp("When this happened, if not now.", valueName: "time")) var at: String?

    func run() throws {
        let id = try IncidentID.parse(id)
        let context = try writer.context(at: at)
        let phase = try Phase.parse(to, field: "--to", allowClosed: false)
        let reason = try TextRules.paragraph(TextArgument.read(reason, field: .reason), field: .reason, maxLength: 100_000)
        let incident = try register.open(create: false).record(id) { try Workflow.reopen($0, to: phase, reason: reason, context: context) }
        Output.print("\(WriteReceipt.incident(incident)) is reopened in \(incident.phase)")
    }
}
