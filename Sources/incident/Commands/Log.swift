import ArgumentParser
import IncidentCore

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Record a newly confirmed incident; prints its id alone.",
        discussion: """
            The notification clock starts at --aware-at: the moment we became aware of
            the confirmed incident. Times are ISO 8601 with an offset
            (2026-11-23T14:05:00Z, 2026-11-23T15:05:00+01:00) or 'now'.

            Example:
              incident log --title "Chat transcripts exposed via subprocessor" \\
                --nature "Misconfigured bucket at the VoIP subprocessor exposed calls" \\
                --aware-at 2026-11-23T08:10:00Z --severity high \\
                --source "Northwind Voice Ltd." --data-category chat-transcripts \\
                --subject-category end-users --records 1200

            An incident that started at a subprocessor in the register:
              incident log --title "VoIP call records exposed" --nature "..." \\
                --aware-at 2026-11-23T08:10:00Z --detected-at 2026-11-22T20:00:00Z \\
                --subprocessor twilio \\
                --subprocessor-notified-at 2026-11-23T07:55:00Z
            """)

    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions

    @Option(parsing: .unconditional, help: "A short title.") var title: String
    @Option(parsing: .unconditional, help: "What happened: the nature of the incident (DPA §9.2; '-' reads standard input).") var nature:
        String
    @Option(name: .customLong("aware-at"), help: ArgumentHelp("When we became aware (the clock starts here).", valueName: "time"))
    var awareAt: String
    @Option(help: "low, medium, high or critical.") var severity: String = "medium"
    @Option(name: .customLong("occurred-from"), help: ArgumentHelp("Start of the window in which it happened.", valueName: "time"))
    var occurredFrom: String?
    @Option(name: .customLong("occurred-to"), help: ArgumentHelp("End of that window.", valueName: "time"))
    var occurredTo: String?
    @Option(
        name: .customLong("detected-at"), help: ArgumentHelp("When it was first detected, if before we became aware.", valueName: "time"))
    var detectedAt: String?
    @Option(parsing: .unconditional, help: "'internal', or the name of the subprocessor where it started.") var source: String = "internal"
    @Option(
        help: ArgumentHelp("Slug of the subprocessor where it started (see `subprocessor list`).", valueName: "slug"),
        completion: .subprocessorSlugs)
    var subprocessor: String?
    @Option(
        name: .customLong("subprocessor-notified-at"),
        help: ArgumentHelp("When that subprocessor told us (with --subprocessor).", valueName: "time"))
    var subprocessorNotifiedAt: String?
    @Option(name: .customLong("system"), parsing: .unconditionalSingleValue, help: "An affected service or system (repeat).") var systems:
        [String] = []
    @Option(name: .customLong("region"), parsing: .unconditionalSingleValue, help: "An affected region (repeat).") var regions: [String] =
        []
    @Option(
        name: .customLong("data-category"),
        help: ArgumentHelp("Category of personal data (repeat; see `incident vocab`).", valueName: "slug"),
        completion: .dataCategories)
    var dataCategories: [String] = []
    @Option(
        name: .customLong("subject-category"), help: ArgumentHelp("Category of data subjects (repeat).", valueName: "slug"),
        completion: .subjectCategories)
    var subjectCategories: [String] = []
    @Option(help: "Approximate number of records affected (12000 or 12,000).") var records: String?
    @Option(help: "Approximate number of data subjects affected.") var subjects: String?
    @Option(name: .customLong("consequence"), parsing: .unconditionalSingleValue, help: "A known or suspected consequence (repeat).")
    var consequences: [String] = []
    @Option(
        name: .customLong("breach-type"),
        help: ArgumentHelp("confidentiality, integrity or availability (repeat).", valueName: "type"))
    var breachTypes: [String] = []
    @Flag(name: .customLong("allow-duplicate"), help: "Log it even if an incident with the same title and awareness time exists.")
    var allowDuplicate = false

    func validate() throws {
        if (subprocessor == nil) != (subprocessorNotifiedAt == nil) {
            throw ValidationError("give --subprocessor SLUG and --subprocessor-notified-at TIME together")
        }
        if subprocessor != nil && source != "internal" {
            throw ValidationError("give --subprocessor SLUG or --source NAME, not both: the subprocessor's name becomes the source")
        }
    }

    func run() throws {
        let context = try writer.context()
        let facts = try ProposedFacts(
            systems: systems, regions: regions, dataCategories: dataCategories, subjectCategories: subjectCategories,
            consequences: consequences, records: records, subjects: subjects)
        var body = Logged(
            title: try TextRules.line(title, field: .title),
            nature: try TextRules.paragraph(TextArgument.read(nature, field: .nature), field: .nature),
            severity: try Severity.parse(severity),
            awareAt: try Timestamp.parse(awareAt, field: .awareAt, now: context.now),
            occurredFrom: try occurredFrom.map { try Timestamp.parse($0, field: .occurredFrom, now: context.now) },
            occurredTo: try occurredTo.map { try Timestamp.parse($0, field: .occurredTo, now: context.now) },
            detectedAt: try detectedAt.map { try Timestamp.parse($0, field: .detectedAt, now: context.now) },
            source: try TextRules.line(source, field: .source, maxLength: 200),
            systems: facts.systems, regions: facts.regions, dataCategories: facts.dataCategories,
            subjectCategories: facts.subjectCategories, records: facts.records, subjects: facts.subjects,
            consequences: facts.consequences)
        body.breachTypes = try BreachType.parseAll(breachTypes).nilIfEmpty
        let origin = try subprocessor.map { slug in
            (
                slug: try Slug.parse(slug, field: .subprocessor),
                at: try Timestamp.parse(subprocessorNotifiedAt!, field: .subprocessorNotifiedAt, now: context.now)
            )
        }
        if let origin {
            body.subprocessor = SubprocessorOrigin(slug: origin.slug, notifiedAt: origin.at, notifyHours: nil)
        }
        try Workflow.check(body, context: context)  // before the register is created, so bad input leaves no file
        // A subprocessor is looked up in the register, which must then exist already.
        let store = try register.open(create: origin == nil)
        if let origin {
            (body.source, body.subprocessor) = try Workflow.origin(at: origin.slug, notifiedAt: origin.at, directory: store.directory())
        }
        let accepted = try DuplicateConfirmation.accepted(store.possibleDuplicates(of: body), allowed: allowDuplicate)
        let incident = try store.log(body, context: context, refusingDuplicatesExcept: accepted)
        Output.print(incident.id.description)
    }
}
