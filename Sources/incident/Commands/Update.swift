import ArgumentParser
import IncidentCore

struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add what is now known: a note, an action taken, effects, or a corrected fact.",
        discussion: """
            An action's kind defaults from the current phase (containment while
            investigating or containing). A corrected fact (--nature, --records,
            --severity, ...) is recorded with the value it replaces.

            Examples:
              incident update INC-2026-0001 --action "Rotated the leaked API keys"
              incident update INC-2026-0001 --records 5400 \\
                --data-category email-addresses --note "Scope widened"
              cat forensic-summary.txt | incident update INC-2026-0001 --note -
            """)

    @Argument(help: "Incident id, e.g. INC-2026-0001.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions

    @Option(parsing: .unconditional, help: "A free-text update ('-' reads it from standard input).") var note: String?
    @Option(parsing: .unconditional, help: "An action taken.") var action: String?
    @Option(help: "containment, mitigation, remediation or restoration (default from the phase).") var kind: String?
    @Option(name: .customLong("consequence"), parsing: .unconditionalSingleValue, help: "A known or suspected consequence (repeat).") var consequences: [String] = []
    @Option(name: .customLong("data-category"), help: ArgumentHelp("Category of personal data (repeat).", valueName: "slug"),
            completion: .dataCategories)
    var dataCategories: [String] = []
    @Option(name: .customLong("subject-category"), help: ArgumentHelp("Category of data subjects (repeat).", valueName: "slug"),
            completion: .subjectCategories)
    var subjectCategories: [String] = []
    @Option(name: .customLong("system"), parsing: .unconditionalSingleValue, help: "Another affected service or system (repeat).") var systems: [String] = []
    @Option(name: .customLong("region"), parsing: .unconditionalSingleValue, help: "Another affected region (repeat).") var regions: [String] = []
    @Option(help: "Corrected approximate number of records.") var records: String?
    @Option(help: "Corrected approximate number of data subjects.") var subjects: String?
    @Option(parsing: .unconditional, help: "Restated nature of the incident ('-' reads standard input).") var nature: String?
    @Option(parsing: .unconditional, help: "Corrected title.") var title: String?
    @Option(help: "Changed severity.") var severity: String?
    @Option(parsing: .unconditional, help: "Corrected source: 'internal' or a subprocessor's name.") var source: String?
    @Option(name: .customLong("aware-at"), help: ArgumentHelp("Corrected awareness time.", valueName: "time")) var awareAt: String?
    @Option(name: .customLong("occurred-from"), help: ArgumentHelp("Corrected start of the window.", valueName: "time")) var occurredFrom: String?
    @Option(name: .customLong("occurred-to"), help: ArgumentHelp("Corrected end of the window.", valueName: "time")) var occurredTo: String?
    @Option(name: .customLong("detected-at"), help: ArgumentHelp("Corrected detection time.", valueName: "time")) var detectedAt: String?
    @Option(help: ArgumentHelp("When this happened, if not now.", valueName: "time")) var at: String?

    func validate() throws {
        if kind != nil && action == nil { throw ValidationError("--kind describes an --action; give --action TEXT too") }
    }

    func run() throws {
        let id = try IncidentID.parse(id)
        let context = try writer.context(at: at)
        let facts = try FactInput(
            systems: systems, regions: regions, dataCategories: dataCategories, subjectCategories: subjectCategories,
            consequences: consequences, records: records, subjects: subjects)
        let note = try note.map { try TextRules.paragraph(TextArgument.read($0, field: "--note"), field: "--note", maxLength: 100_000) }
        let actionText = try action.map { try TextRules.paragraph($0, field: "--action", maxLength: 2_000) }
        let kind = try kind.map { try ActionKind.parse($0) }
        let nature = try nature.map { try TextRules.paragraph(TextArgument.read($0, field: "--nature"), field: "--nature") }
        let title = try title.map { try TextRules.line($0, field: "--title") }
        let severity = try severity.map { try Severity.parse($0) }
        let source = try source.map { try TextRules.line($0, field: "--source") }
        func time(_ text: String?, _ field: String) throws -> Timestamp? {
            try text.map { try Timestamp.parse($0, field: field, now: context.now) }
        }
        let awareAt = try time(awareAt, "--aware-at"), occurredFrom = try time(occurredFrom, "--occurred-from")
        let occurredTo = try time(occurredTo, "--occurred-to"), detectedAt = try time(detectedAt, "--detected-at")

        let incident = try register.open(create: false).record(id) { current in
            var body = Updated()
            body.note = note
            body.action = actionText.map { ActionTaken(text: $0, kind: kind ?? current.phase.defaultActionKind, phase: current.phase) }
            // Only what is new: repeating a known fact records nothing.
            body.consequences = facts.consequences.filter { !current.consequences.contains($0) }
            body.dataCategories = facts.dataCategories.filter { !current.dataCategories.contains($0) }
            body.subjectCategories = facts.subjectCategories.filter { !current.subjectCategories.contains($0) }
            body.systems = facts.systems.filter { !current.systems.contains($0) }
            body.regions = facts.regions.filter { !current.regions.contains($0) }
            body.records = Self.change(current.records, facts.records)
            body.subjects = Self.change(current.subjects, facts.subjects)
            body.nature = Self.change(current.nature, nature)
            body.title = Self.change(current.title, title)
            body.severity = Self.change(current.severity, severity)
            body.source = Self.change(current.source, source)
            body.awareAt = Self.change(current.awareAt, awareAt)
            body.occurredFrom = Self.change(current.occurredFrom, occurredFrom)
            body.occurredTo = Self.change(current.occurredTo, occurredTo)
            body.detectedAt = Self.change(current.detectedAt, detectedAt)
            return try Workflow.update(current, with: body, context: context)
        }
        Output.print("\(WriteReceipt.incident(incident)) updated (\(incident.phase), \(incident.eventCount) events)")
    }

    /// A correction only when the value really changes; restating the same value records nothing.
    static func change<V>(_ old: V?, _ new: V?) -> Change<V>? {
        guard let new, old != new else { return nil }
        return Change(from: old, to: new)
    }
}
