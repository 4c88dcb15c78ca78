import ArgumentParser
import IncidentCore

struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Add what is now known: a note, an action taken, effects, or a corrected fact.",
        discussion: """
            An action's kind defaults from the current phase (containment while
            investigating or containing). A corrected fact (--nature, --records,
            --severity, ...) is recorded with the value it replaces.

            Something recorded in error is withdrawn with a --withdraw-... option
            and a --note giving the reason; the original stays in the timeline and
            later notices say it was withdrawn. Numbers are the ones `show` lists.
            --customer-action records a step we recommend customers take.
            --planned-action with --planned-by records a measure not yet done;
            --complete-planned N later records it as an action taken.
            --cannot-determine ITEM with --reason lets a final notice say why an
            item (records, subjects, data-categories, subject-categories,
            consequences, mitigation, remediation) will stay unknown.
            --subprocessor and --subprocessor-notified-at correct where it
            started and when that subprocessor told us.

            Examples:
              incident update INC-2026-0001 --action "Rotated the leaked API keys"
              incident update INC-2026-0001 --records 5400 \\
                --data-category email-addresses --note "Scope widened"
              cat forensic-summary.txt | incident update INC-2026-0001 --note -
              incident update INC-2026-0001 --withdraw-data-category names \\
                --note "Only phone numbers were in the exported table"
              incident update INC-2026-0001 --customer-action \\
                "Warn end users about calls quoting recent call times"
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
    @Option(
        help: ArgumentHelp("Corrected subprocessor where it started (its name becomes the source).", valueName: "slug"),
        completion: .subprocessorSlugs)
    var subprocessor: String?
    @Option(
        name: .customLong("subprocessor-notified-at"),
        help: ArgumentHelp("Corrected time the subprocessor told us.", valueName: "time"))
    var subprocessorNotifiedAt: String?
    @Option(help: ArgumentHelp("When this happened, if not now.", valueName: "time")) var at: String?
    @OptionGroup var withdrawal: WithdrawalOptions
    @Option(
        name: .customLong("customer-action"), parsing: .unconditionalSingleValue,
        help: "A step we recommend customers take (repeat).")
    var customerActions: [String] = []
    @Option(name: .customLong("withdraw-customer-action"), help: ArgumentHelp("Withdraw recommendation N (repeat).", valueName: "n"))
    var withdrawCustomerActions: [Int] = []
    @Option(name: .customLong("planned-action"), parsing: .unconditional, help: "A measure planned but not yet done (needs --planned-by).")
    var plannedAction: String?
    @Option(name: .customLong("planned-by"), help: ArgumentHelp("Target date of the planned measure.", valueName: "time"))
    var plannedBy: String?
    @Option(name: .customLong("withdraw-planned-action"), help: ArgumentHelp("Withdraw planned measure N (repeat).", valueName: "n"))
    var withdrawPlanned: [Int] = []
    @Option(name: .customLong("complete-planned"), help: ArgumentHelp("Record planned measure N as done.", valueName: "n"))
    var completePlanned: Int?
    @Option(
        name: .customLong("cannot-determine"),
        help: ArgumentHelp("An item that cannot be determined (needs --reason).", valueName: "item"))
    var cannotDetermine: [String] = []
    @Option(parsing: .unconditional, help: "Why the --cannot-determine items cannot be determined.") var reason: String?

    func validate() throws {
        if kind != nil && action == nil && completePlanned == nil {
            throw ValidationError("--kind describes an --action; give --action TEXT too")
        }
        if (plannedAction == nil) != (plannedBy == nil) {
            throw ValidationError("a planned measure needs its target date: give --planned-action TEXT with --planned-by TIME")
        }
        if (subprocessor != nil || subprocessorNotifiedAt != nil) && source != nil {
            throw ValidationError("give --subprocessor SLUG or --source NAME, not both: the subprocessor's name becomes the source")
        }
        if cannotDetermine.isEmpty != (reason == nil) {
            throw ValidationError("give --cannot-determine ITEM together with --reason TEXT")
        }
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
        proposal.withdraw = try withdrawal.proposal()
        proposal.withdraw.recommendedActions = withdrawCustomerActions
        proposal.withdraw.plannedActions = withdrawPlanned
        proposal.recommendedActions = try customerActions.map { try TextRules.paragraph($0, field: .recommendation, maxLength: 2_000) }
        if let plannedAction, let plannedBy {
            proposal.plannedAction = Planned(
                text: try TextRules.paragraph(plannedAction, field: .plannedAction, maxLength: 2_000),
                targetBy: try Timestamp.parse(plannedBy, field: .plannedBy, now: context.now))
        }
        proposal.completesPlanned = completePlanned
        if let reason {
            let why = try TextRules.paragraph(reason, field: .reason, maxLength: 2_000)
            proposal.cannotDetermine = try cannotDetermine.map { word in
                guard let key = Undetermined.key(for: word) else {
                    throw InputError(
                        field: .undeterminedItem,
                        problem: "'\(word)' is not an item; use one of \(Undetermined.items.map(\.word).joined(separator: ", "))")
                }
                return Undetermined(item: key, reason: why)
            }
        }

        proposal.breachTypes = try BreachType.parseAll(breachTypes)
        let store = try register.open(create: false)
        if !proposal.breachTypes.isEmpty {
            // The breach types live in the events only: read the ones already stated, so a repeat records nothing.
            proposal.knownBreachTypes = BreachType.stated(in: try store.timeline(id).map(\.event))
        }
        let slug = try subprocessor.map { try Slug.parse($0, field: .subprocessor) }
        let toldUs = try time(subprocessorNotifiedAt, .subprocessorNotifiedAt)
        let directory = slug == nil && toldUs == nil ? nil : try store.directory()
        let incident = try store.record(id) { current in
            var proposal = proposal
            if let directory,
                let corrected = try Workflow.correctedOrigin(of: current, slug: slug, notifiedAt: toldUs, directory: directory)
            {
                (proposal.source, proposal.subprocessor) = (corrected.source, corrected.origin)
            }
            return try Workflow.update(current, proposal: proposal, context: context)
        }
        Output.print("\(WriteReceipt.incident(incident)) updated (\(incident.phase), \(incident.eventCount) events)")
    }
}
