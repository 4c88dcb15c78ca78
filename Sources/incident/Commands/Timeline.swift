import ArgumentParser
import IncidentCore
import IncidentStore

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Every step recorded on an incident, in order, with who and when.",
        discussion: """
            AT is when it happened; RECORDED is when the register wrote it.

            Example:
              incident timeline INC-2026-0001
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let entries = try register.open(create: false).timeline(try IncidentID.parse(id))
        if output.json { return try Output.json(try entries.map(TimelineJSON.init)) }
        let rows = entries.map { entry in
            [
                String(entry.event.number), entry.event.occurredAt.iso8601, entry.event.recordedAt.iso8601,
                entry.event.actor, entry.event.payload.type, entry.event.payload.summary,
            ]
        }
        Output.print(Terminal.current.table(["#", "AT", "RECORDED", "BY", "TYPE", "WHAT"], rows))
    }
}

/// One timeline entry for scripts: the event's own fields and its payload as `details`.
struct TimelineJSON: Encodable {
    var sequence: Int64
    var number: Int
    var type: String
    var at: Timestamp
    var recordedAt: Timestamp
    var actor: String
    var summary: String
    var details: JSONValue
    var hash: String

    init(_ entry: TimelineEntry) throws {
        sequence = entry.sequence
        number = entry.event.number
        type = entry.event.payload.type
        at = entry.event.occurredAt
        recordedAt = entry.event.recordedAt
        actor = entry.event.actor
        summary = entry.event.payload.summary
        details = try JSONValue(json: entry.event.payload.encodedBody())
        hash = entry.hash
    }
}
