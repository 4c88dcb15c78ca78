import ArgumentParser
import Foundation
import IncidentCore
import IncidentStore

struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer",
        abstract: "Keep the list of customers (controllers) who receive notices.",
        subcommands: [CustomerAdd.self, CustomerList.self, CustomerImport.self])
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
                                                  timezone: timezone, noticeHours: noticeHours, field: "")
        let context = try writer.context()
        _ = try register.open(create: true).recordDirectory { directory in
            if let existing = directory.customers[customer.slug] {
                if existing == customer { return [] }
                throw InputError(field: "SLUG", problem: "\(customer.slug) already exists with other details; customers cannot be edited yet")
            }
            return [DirectoryEvent(payload: .customerAdded(customer), actor: context.actor, recordedAt: context.now)]
        }
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
        var customers: [Customer] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let field = "\(file):\(row.line)"
            let customer = try CustomerInput.customer(
                slug: row.cells["slug"] ?? "", name: row.cells["name"] ?? "", emails: CSVTable.list(row.cells["email"]),
                language: row.cells["language"].flatMap { $0.isEmpty ? nil : $0 } ?? "en",
                timezone: row.cells["timezone"].flatMap { $0.isEmpty ? nil : $0 } ?? "UTC",
                noticeHours: try CSVTable.int(row.cells["notice-hours"], field: field), field: field)
            if let line = seen[customer.slug] { throw InputError(field: field, problem: "slug \(customer.slug) is also on line \(line)") }
            seen[customer.slug] = row.line
            customers.append(customer)
        }
        let context = try writer.context()
        var added = 0
        _ = try register.open(create: true).recordDirectory { directory in
            try customers.compactMap { customer in
                if let existing = directory.customers[customer.slug] {
                    if existing == customer { return nil }
                    throw InputError(field: "\(file):\(seen[customer.slug]!)", problem: "\(customer.slug) already exists with other details")
                }
                added += 1
                return DirectoryEvent(payload: .customerAdded(customer), actor: context.actor, recordedAt: context.now)
            }
        }
        Output.print("\(added) customers added, \(customers.count - added) already present")
    }
}

/// Customer fields as typed or read from CSV, checked in one place.
enum CustomerInput {
    /// `field` prefixes messages with the file and line when the input came from CSV.
    static func customer(slug: String, name: String, emails: [String], language: String, timezone: String,
                         noticeHours: Int?, field: String) throws -> Customer {
        do {
            guard TimeZone(identifier: timezone) != nil else {
                throw InputError(field: "--timezone", problem: "'\(timezone)' is not an IANA time zone; use one such as Europe/Berlin or America/New_York")
            }
            return try Customer.validated(slug: slug, name: name, emails: emails, language: language, timeZone: timezone, noticeHours: noticeHours)
        } catch let error as InputError where !field.isEmpty {
            throw InputError(field: field, problem: "\(error.field.trimmingCharacters(in: CharacterSet(charactersIn: "-"))): \(error.problem)")
        }
    }
}
