import ArgumentParser
import IncidentCore

struct Advance: ParsableCommand {
    static let configuration = CommandConfiguration(
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

struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
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

struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(
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
