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
    @Option(name: .customLong("consequence"), parsing: .unconditionalSingleValue, help: "A known or suspected consequence (repeat).")
    var consequences: [String] = []
    @Option(
        name: .customLong("data-category"), help: ArgumentHelp("Category of personal data (repeat).", valueName: "slug"),
        completion: .dataCategories)
    var dataCategories: [String] = []
    @Option(
        name: .customLong("subject-category"), help: ArgumentHelp("Category of data subjects (repeat).", valueName: "slug"),
        completion: .subjectCategories)
    var subjectCategories: [String] = []
    @Option(name: .customLong("system"), parsing: .unconditionalSingleValue, help: "Another affected service or system (repeat).")
    var systems: [String] = []
    @Option(name: .customLong("region"), parsing: .unconditionalSingleValue, help: "Another affected region (repeat).") var regions:
        [String] = []
    @Option(
        name: .customLong("breach-type"),
        help: ArgumentHelp("Another breach type: confidentiality, integrity or availability (repeat).", valueName: "type"))
    var breachTypes: [String] = []
    @Option(help: "Corrected approximate number of records.") var records: String?
    @Option(help: "Corrected approximate number of data subjects.") var subjects: String?
    @Option(parsing: .unconditional, help: "Restated nature of the incident ('-' reads standard input).") var nature: String?
    @Option(parsing: .unconditional, help: "Corrected title.") var title: String?
    @Option(help: "Changed severity.") var severity: String?
    @Option(parsing: .unconditional, help: "Corrected source: 'internal' or a subprocessor's name.") var source: String?
    @Option(name: .customLong("aware-at"), help: ArgumentHelp("Corrected awareness time.", valueName: "time")) var awareAt: String?
    @Option(name: .customLong("occurred-from"), help: ArgumentHelp("Corrected start of the window.", valueName: "time")) var occurredFrom:
        String?
    @Option(name: .customLong("occurred-to"), help: ArgumentHelp("Corrected end of the window.", valueName: "time")) var occurredTo: String?
    @Option(name: .customLong("detected-at"), help: ArgumentHelp("Corrected detection time.", valueName: "time")) var detectedAt: String?
    @Option(help: ArgumentHelp("When this happened, if not now.", valueName: "time")) var at: String?

    func validate() throws {
        if kind != nil && action == nil { throw ValidationError("--kind describes an --action; give --action TEXT too") }
    }

    func run() throws {
        let id = try IncidentID.parse(id)
        let context = try writer.context(at: at)
        var proposal = UpdateProposal()
        proposal.facts = try ProposedFacts(
            systems: systems, regions: regions, dataCategories: dataCategories, subjectCategories: subjectCategories,
            consequences: consequences, records: records, subjects: subjects)
        proposal.note = try note.map { try TextRules.paragraph(TextArgument.read($0, field: .note), field: .note, maxLength: 100_000) }
        proposal.action = try action.map { try TextRules.paragraph($0, field: .action, maxLength: 2_000) }
        proposal.actionKind = try kind.map { try ActionKind.parse($0) }
        proposal.nature = try nature.map { try TextRules.paragraph(TextArgument.read($0, field: .nature), field: .nature) }
        proposal.title = try title.map { try TextRules.line($0, field: .title) }
        proposal.severity = try severity.map { try Severity.parse($0) }
        proposal.source = try source.map { try TextRules.line($0, field: .source) }
        func time(_ text: String?, _ field: Field) throws -> Timestamp? {
            try text.map { try Timestamp.parse($0, field: field, now: context.now) }
        }
        proposal.awareAt = try time(awareAt, .awareAt)
        proposal.occurredFrom = try time(occurredFrom, .occurredFrom)
        proposal.occurredTo = try time(occurredTo, .occurredTo)
        proposal.detectedAt = try time(detectedAt, .detectedAt)

        proposal.breachTypes = try BreachType.parseAll(breachTypes)
        let store = try register.open(create: false)
        if !proposal.breachTypes.isEmpty {
            // The breach types live in the events only: read the ones already stated, so a repeat records nothing.
            proposal.knownBreachTypes = BreachType.stated(in: try store.timeline(id).map(\.event))
        }
        let incident = try store.record(id) { try Workflow.update($0, proposal: proposal, context: context) }
        Output.print("\(WriteReceipt.incident(incident)) updated (\(incident.phase), \(incident.eventCount) events)")
    }
}
