import ArgumentParser
import Foundation
import IncidentCore
import IncidentStore

struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer",
        abstract: "Keep the list of customers (controllers) who receive notices.",
        subcommands: [CustomerAdd.self, CustomerEdit.self, CustomerList.self, CustomerImport.self])
}

struct CustomerAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a customer.",
        discussion: """
            Example:
              incident customer add acme-gmbh --name "Acme GmbH" \\
                --email dpo@acme.example --email security@acme.example \\
                --language de --timezone Europe/Berlin --notice-hours 24
            """)

    @Argument(help: "Short stable name, e.g. acme-gmbh.") var slug: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @Option(parsing: .unconditional, help: "The customer's name as it appears on notices.") var name: String
    @Option(name: .customLong("email"), help: "Where its notices go (repeat).") var emails: [String] = []
    @Option(help: "Language of its notices.") var language = "en"
    @Option(help: "IANA time zone its notices show times in.") var timezone = "UTC"
    @Option(name: .customLong("notice-hours"), help: "Hours from our awareness to its deadline, if its contract differs from ours.")
    var noticeHours: Int?

    func run() throws {
        let customer = try CustomerInput.customer(slug: slug, name: name, emails: emails, language: language,
                                                  timezone: timezone, noticeHours: noticeHours, row: nil)
        let context = try writer.context()
        _ = try register.open(create: true).recordDirectory { try Workflow.addCustomers($0, [(customer, .customerSlug)], context: context) }
        Output.print(customer.slug)
    }
}

struct CustomerList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List customers.",
        discussion: "Example:\n  incident customer list --json")

    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let customers = try register.open(create: false).directory().customers.values.sorted { $0.slug < $1.slug }
        if output.json { return try Output.json(customers) }
        Output.print(Terminal.current.table(["SLUG", "NAME", "EMAILS", "LANGUAGE", "TIME ZONE", "NOTICE HOURS"], customers.map {
            [$0.slug, $0.name, $0.emails.joined(separator: ", "), $0.language, $0.timeZone, $0.noticeHours.map(String.init) ?? "default"]
        }))
    }
}

struct CustomerImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add customers from a CSV file: all of them, or none if any row is bad.",
        discussion: """
            Header row with: slug, name, email (several separated by ;), and optionally
            language, timezone, notice-hours. A row identical to an existing customer is
            skipped.

            Example:
              incident customer import customers.csv
            """)

    @Argument(help: "CSV file (UTF-8).") var file: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions

    func run() throws {
        let table = try CSVTable(file: file, known: ["slug", "name", "email", "language", "timezone", "notice-hours"],
                                 required: ["slug", "name", "email"])
        let customers = try table.rows.map { row in
            let field = Field.row(file, line: row.line)
            let customer = try CustomerInput.customer(
                slug: row.cells["slug"] ?? "", name: row.cells["name"] ?? "", emails: CSVTable.list(row.cells["email"]),
                language: row.cells["language"].flatMap { $0.isEmpty ? nil : $0 } ?? "en",
                timezone: row.cells["timezone"].flatMap { $0.isEmpty ? nil : $0 } ?? "UTC",
                noticeHours: try CSVTable.int(row.cells["notice-hours"], field: field), row: field)
            return (customer: customer, origin: field)
        }
        let context = try writer.context()
        var added = 0
        _ = try register.open(create: true).recordDirectory { directory in
            let events = try Workflow.addCustomers(directory, customers, context: context)
            added = events.count
            return events
        }
        Output.print("\(added) customers added, \(customers.count - added) already present")
    }
}

/// Customer fields as typed or read from CSV, checked in one place.
enum CustomerInput {
    /// An IANA zone name; checked here, where the zone database can be read.
    static func timeZone(_ name: String) throws -> String {
        guard TimeZone(identifier: name) != nil else {
            throw InputError(field: .timeZone, problem: "'\(name)' is not an IANA time zone; use one such as Europe/Berlin or America/New_York")
        }
        return name
    }

    /// `row` names the file and line when the input came from CSV; its errors then name the column too.
    static func customer(slug: String, name: String, emails: [String], language: String, timezone: String,
                         noticeHours: Int?, row: Field?) throws -> Customer {
        do {
            _ = try timeZone(timezone)
            return try Customer.validated(slug: slug, name: name, emails: emails, language: language, timeZone: timezone, noticeHours: noticeHours)
        } catch let error as InputError {
            guard let row else { throw error }
            let column = FlagNames.flag(for: error.field).trimmingCharacters(in: CharacterSet(charactersIn: "-")).lowercased()
            throw InputError(field: row, problem: "\(column): \(error.problem)", next: error.next)
        }
    }
}
