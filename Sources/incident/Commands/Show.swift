import ArgumentParser
import IncidentCore

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
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

/// `show --json`: the incident's own keys plus what its phase still needs.
struct IncidentJSON: Encodable {
    var incident: Incident
    var unmetExitCriteria: [String]

    private enum Keys: String, CodingKey { case unmetExitCriteria }

    func encode(to encoder: any Encoder) throws {
        try incident.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(unmetExitCriteria, forKey: .unmetExitCriteria)
    }
}
