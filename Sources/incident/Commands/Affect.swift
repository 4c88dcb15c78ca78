import ArgumentParser
import IncidentCore
import IncidentStore

struct Affect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mark customers affected by an incident, each with its own share of the data.",
        discussion: """
            A customer's notice states only its own categories and counts. Categories
            not given default to the incident's current ones; counts never do. Marking a
            customer again revises its share. The file form takes a header row:
            customer, data-category, subject-category (several separated by ;), records,
            subjects.

            Examples:
              incident affect INC-2026-0001 --customer acme-gmbh \\
                --data-category chat-transcripts --records 1200
              incident affect INC-2026-0001 --customers-file affected.csv
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @Option(help: "Customer slug.", completion: .customerSlugs) var customer: String?
    @Option(name: .customLong("customers-file"), help: "CSV of many customers' shares.") var customersFile: String?
    @Option(name: .customLong("data-category"), help: ArgumentHelp("Category of its personal data (repeat).", valueName: "slug"),
            completion: .dataCategories)
    var dataCategories: [String] = []
    @Option(name: .customLong("subject-category"), help: ArgumentHelp("Category of its data subjects (repeat).", valueName: "slug"),
            completion: .subjectCategories)
    var subjectCategories: [String] = []
    @Option(help: "Approximate number of its records.") var records: String?
    @Option(help: "Approximate number of its data subjects.") var subjects: String?

    func validate() throws {
        guard (customer == nil) != (customersFile == nil) else { throw ValidationError("give either --customer SLUG or --customers-file FILE") }
        if customersFile != nil && (!dataCategories.isEmpty || !subjectCategories.isEmpty || records != nil || subjects != nil) {
            throw ValidationError("with --customers-file, put categories and counts in the file")
        }
    }

    struct Row { var customer: String; var data: [String]; var subjects: [String]; var records: Int?; var people: Int?; var field: String }

    func run() throws {
        let id = try IncidentID.parse(id)
        let context = try writer.context()
        let rows = try customersFile.map(Self.rows) ?? [
            Row(customer: try Slug.parse(customer!, field: "--customer"),
                data: try dataCategories.map { try Vocabulary.dataCategories.parse($0, field: "--data-category") },
                subjects: try subjectCategories.map { try Vocabulary.subjectCategories.parse($0, field: "--subject-category") },
                records: try records.map { try CountText.parse($0, field: "--records") },
                people: try subjects.map { try CountText.parse($0, field: "--subjects") }, field: "--customer"),
        ]
        let store = try register.open(create: false)
        let directory = try store.directory()
        let organisation = directory.organisation ?? Organisation(name: "", email: "")
        let incident = try store.recordMany(id) { incident, _ in
            var state = incident
            return try rows.map { row in
                guard let customer = directory.customers[row.customer] else {
                    throw InputError(field: row.field, problem: "\(row.customer) is not a customer; add it with `incident customer add`")
                }
                // A new share starts from the incident's categories; a revision adds only what it names.
                let isNew = state.share(of: row.customer) == nil
                let body = Affected(customer: row.customer,
                                    dataCategories: row.data.isEmpty && isNew ? state.dataCategories : row.data,
                                    subjectCategories: row.subjects.isEmpty && isNew ? state.subjectCategories : row.subjects,
                                    records: row.records, subjects: row.people,
                                    noticeHours: customer.noticeHours ?? organisation.noticeHours)
                let event = try Workflow.affect(state, body, context: context)
                try state.apply(event)
                return event
            }
        }
        Output.print("\(WriteReceipt.incident(incident)): \(rows.count) customer(s) marked affected; \(incident.shares.count) in all")
    }

    static func rows(_ file: String) throws -> [Row] {
        let table = try CSVTable(file: file, known: ["customer", "data-category", "subject-category", "records", "subjects"],
                                 required: ["customer"])
        return try table.rows.map { row in
            let field = "\(file):\(row.line)"
            return Row(customer: try Slug.parse(row.cells["customer"] ?? "", field: field),
                       data: try CSVTable.list(row.cells["data-category"]).map { try Vocabulary.dataCategories.parse($0, field: field) },
                       subjects: try CSVTable.list(row.cells["subject-category"]).map { try Vocabulary.subjectCategories.parse($0, field: field) },
                       records: try CSVTable.count(row.cells["records"], field: "\(field): records"),
                       people: try CSVTable.count(row.cells["subjects"], field: "\(field): subjects"),
                       field: field)
        }
    }
}

struct Unaffect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record that investigation ruled a customer out; its notice clock stops.",
        discussion: """
            Example:
              incident unaffect INC-2026-0001 --customer acme-gmbh \\
                --reason "Its tenant was on the unaffected cluster"
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @Option(help: "Customer slug.", completion: .customerSlugs) var customer: String
    @Option(parsing: .unconditional, help: "Why it is ruled out ('-' reads standard input).") var reason: String

    func run() throws {
        let id = try IncidentID.parse(id)
        let context = try writer.context()
        let slug = try Slug.parse(customer, field: "--customer")
        let reason = try TextRules.paragraph(TextArgument.read(reason, field: "--reason"), field: "--reason")
        let incident = try register.open(create: false).record(id) {
            try Workflow.unaffect($0, customer: slug, reason: reason, context: context)
        }
        Output.print("\(WriteReceipt.incident(incident)): \(slug) ruled out")
    }
}
