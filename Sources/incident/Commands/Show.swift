import ArgumentParser
import IncidentCore

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show everything known about one incident, and what its phase still needs.",
        discussion: """
            Example:
              incident show INC-2026-0001
              incident show INC-2026-0001 --json | jq .phase
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let incident = try register.open(create: false).incident(try IncidentID.parse(id))
        let unmet = Workflow.unmetExitCriteria(incident).map(NextStepText.unmet)
        if output.json {
            try Output.json(IncidentJSON(incident: incident, unmetExitCriteria: unmet))
        } else {
            Output.print(IncidentText(terminal: .current).render(incident, unmet: unmet))
        }
    }
}

/// `show --json`: the incident's own keys plus what its phase still needs, and, for an incident that started
/// at a subprocessor with agreed notice hours and a detection time, whether it told us in time.
struct IncidentJSON: Encodable {
    var incident: Incident
    var unmetExitCriteria: [String]

    private enum Keys: String, CodingKey { case unmetExitCriteria, subprocessorNotice }

    private struct Timing: Encodable {
        var dueBy: Timestamp
        var late: Bool
        var secondsAfterDetection: Int64
    }

    func encode(to encoder: any Encoder) throws {
        try incident.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(unmetExitCriteria, forKey: .unmetExitCriteria)
        switch incident.subprocessor?.timing(detectedAt: incident.detectedAt) {
        case .onTime(_, let dueBy, let seconds)?:
            try container.encode(Timing(dueBy: dueBy, late: false, secondsAfterDetection: seconds), forKey: .subprocessorNotice)
        case .late(_, let dueBy, let seconds)?:
            try container.encode(Timing(dueBy: dueBy, late: true, secondsAfterDetection: seconds), forKey: .subprocessorNotice)
        default: break
        }
    }
}
