import ArgumentParser
import IncidentCore

struct Advance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance",
        abstract: "Move an incident one phase forward, if the current phase's exit criteria are met.",
        discussion: """
            Leaving investigate needs the nature stated; leaving contain, mitigate,
            remediate or restore needs at least one action recorded in that phase. A
            refused step lists every unmet criterion (exit 67).

            Example:
              incident advance INC-2026-0001 \\
                --note "Access revoked; no further exfiltration seen"
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @Option(parsing: .unconditional, help: "Why it is ready for the next phase ('-' reads standard input).") var note: String
    @Option(help: ArgumentHelp("When this happened, if not now.", valueName: "time")) var at: String?

    func run() throws {
        let id = try IncidentID.parse(id)
        let context = try writer.context(at: at)
        let note = try TextRules.paragraph(TextArgument.read(note, field: .note), field: .note, maxLength: 100_000)
        let incident = try register.open(create: false).record(id) { try Workflow.advance($0, note: note, context: context) }
        Output.print("\(WriteReceipt.incident(incident)) is now in \(incident.phase)")
    }
}
