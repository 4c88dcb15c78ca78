import ArgumentParser
import IncidentCore
import IncidentStore

struct Affect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "affect",
        abstract: "Mark customers affected by an incident, each with its own share of the data.",
        discussion: """
            A customer's notice states only its own categories and counts. Categories
            not given default to the incident's current ones; counts never do. Marking a
            customer again revises its share. The file form takes a header row:
            customer, data-category, subject-category (several separated by ;), records,
            subjects.

            --withdraw-data-category and --withdraw-subject-category take back
            categories recorded for one customer in error; --note gives the reason,
            and the original stays in the timeline.

            Examples:
              incident affect INC-2026-0001 --customer acme-gmbh \\
                --data-category chat-transcripts --records 1200
              incident affect INC-2026-0001 --customers-file affected.csv
              incident affect INC-2026-0001 --customer contoso \\
                --withdraw-subject-category support-contacts \\
                --note "Contoso's support mailbox is not hosted with us"

            With --subprocessor, every customer that uses one of the subprocessor's
            services in one of its regions (or only in the --region given) is marked,
            with the incident's categories. Customers already marked are skipped and
            listed. --dry-run lists who would be marked and writes nothing:
              incident affect INC-2026-0001 --subprocessor twilio --region eu --dry-run
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @Option(help: "Customer slug.", completion: .customerSlugs) var customer: String?
    @Option(name: .customLong("customers-file"), help: "CSV of many customers' shares.") var customersFile: String?
    @Option(
        name: .customLong("data-category"), help: ArgumentHelp("Category of its personal data (repeat).", valueName: "slug"),
        completion: .dataCategories)
    var dataCategories: [String] = []
    @Option(
        name: .customLong("subject-category"), help: ArgumentHelp("Category of its data subjects (repeat).", valueName: "slug"),
        completion: .subjectCategories)
    var subjectCategories: [String] = []
    @Option(help: "Approximate number of its records.") var records: String?
    @Option(help: "Approximate number of its data subjects.") var subjects: String?
    @Option(
        help: ArgumentHelp("Mark every customer this subprocessor reaches (by service and region).", valueName: "slug"),
        completion: .subprocessorSlugs)
    var subprocessor: String?
    @Option(
        name: .customLong("region"), help: ArgumentHelp("With --subprocessor: only customers in this region (repeat).", valueName: "region")
    )
    var regions: [String] = []
    @Flag(name: .customLong("dry-run"), help: "With --subprocessor: list who would be marked; write nothing.") var dryRun = false
    @Option(
        name: .customLong("withdraw-data-category"),
        help: ArgumentHelp("Withdraw a category of its personal data (repeat).", valueName: "slug"), completion: .dataCategories)
    var withdrawDataCategories: [String] = []
    @Option(
        name: .customLong("withdraw-subject-category"),
        help: ArgumentHelp("Withdraw a category of its data subjects (repeat).", valueName: "slug"), completion: .subjectCategories)
    var withdrawSubjectCategories: [String] = []
    @Option(parsing: .unconditional, help: "Why the withdrawn categories were wrong.") var note: String?

    func validate() throws {
        guard [customer, customersFile, subprocessor].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give one of --customer SLUG, --customers-file FILE or --subprocessor SLUG")
        }
        if subprocessor == nil && (!regions.isEmpty || dryRun) {
            throw ValidationError("--region and --dry-run go with --subprocessor SLUG")
        }
        if subprocessor != nil
            && (!dataCategories.isEmpty || !subjectCategories.isEmpty || records != nil || subjects != nil
                || !withdrawDataCategories.isEmpty || !withdrawSubjectCategories.isEmpty || note != nil)
        {
            throw ValidationError("with --subprocessor, each customer takes the incident's categories; revise one with --customer")
        }
        if customersFile != nil && (!dataCategories.isEmpty || !subjectCategories.isEmpty || records != nil || subjects != nil) {
            throw ValidationError("with --customers-file, put categories and counts in the file")
        }
        if customersFile != nil && (!withdrawDataCategories.isEmpty || !withdrawSubjectCategories.isEmpty) {
            throw ValidationError("withdraw categories one customer at a time, with --customer SLUG")
        }
    }

    func run() throws {
        let id = try IncidentID.parse(id)
        let context = try writer.context()
        if let subprocessor {
            return try AffectBySubprocessor(register: register, id: id, context: context).run(
                subprocessor: subprocessor, regions: regions, dryRun: dryRun)
        }
        var withdraw = WithdrawalProposal()
        withdraw.dataCategories = try withdrawDataCategories.map { try Vocabulary.dataCategories.parse($0, field: .withdrawnDataCategory) }
        withdraw.subjectCategories = try withdrawSubjectCategories.map {
            try Vocabulary.subjectCategories.parse($0, field: .withdrawnSubjectCategory)
        }
        let reason = try note.map { try TextRules.paragraph($0, field: .note, maxLength: 2_000) }
        var proposals =
            try customersFile.map(Self.proposals) ?? [
                ShareProposal(
                    customer: try Slug.parse(customer!, field: .customer),
                    dataCategories: try dataCategories.map { try Vocabulary.dataCategories.parse($0, field: .dataCategory) },
                    subjectCategories: try subjectCategories.map { try Vocabulary.subjectCategories.parse($0, field: .subjectCategory) },
                    records: try records.map { try CountText.parse($0, field: .records) },
                    subjects: try subjects.map { try CountText.parse($0, field: .subjects) })
            ]
        if customersFile == nil {
            proposals[0].withdraw = withdraw
            proposals[0].reason = reason
        }
        let store = try register.open(create: false)
        let directory = try store.directory()
        let incident = try store.recordMany(id) { try Workflow.affect($0, proposals, directory: directory, context: context) }
        if !withdraw.isEmpty {
            return Output.print("\(WriteReceipt.incident(incident)): \(proposals[0].customer)'s share revised; categories withdrawn")
        }
        Output.print("\(WriteReceipt.incident(incident)): \(proposals.count) customer(s) marked affected; \(incident.shares.count) in all")
    }

    /// One proposal per row of the file; a bad cell is refused with the file and line.
    static func proposals(_ file: String) throws -> [ShareProposal] {
        let table = try CSVTable(
            file: file, known: ["customer", "data-category", "subject-category", "records", "subjects"],
            required: ["customer"])
        return try table.rows.map { row in
            let field = Field.row(file, line: row.line)
            return ShareProposal(
                customer: try Slug.parse(row.cells["customer"] ?? "", field: field),
                dataCategories: try CSVTable.list(row.cells["data-category"]).map { try Vocabulary.dataCategories.parse($0, field: field) },
                subjectCategories: try CSVTable.list(row.cells["subject-category"]).map {
                    try Vocabulary.subjectCategories.parse($0, field: field)
                },
                records: try CSVTable.count(row.cells["records"], field: "\(field): records"),
                subjects: try CSVTable.count(row.cells["subjects"], field: "\(field): subjects"),
                origin: field)
        }
    }
}
