import IncidentCore

/// How a command that writes names the incident it wrote to: the id and the title, in that order, so that
/// an update recorded on the wrong incident is noticed on the spot, not at the audit.
///
/// `INC-2026-0001 "Call records exposed at VoIP subprocessor" updated (contain, 3 events)`
enum WriteReceipt {
    /// `INC-2026-0001 "Title"`: the start of every such line.
    static func incident(_ incident: Incident) -> String {
        "\(incident.id) \"\(incident.title)\""
    }
}
