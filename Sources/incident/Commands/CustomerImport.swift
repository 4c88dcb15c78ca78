import ArgumentParser
import Foundation
import IncidentCore
import IncidentStore

struct CustomerImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add customers from a CSV file: all of them, or none if any row is bad.",
        discussion: """
            Header row with: slug, name, email (several separated by ;), and optionally
            language, timezone, notice-hours, region and service (several separated
            by ;, e.g. voip;chat). A row identical to an existing customer is skipped.

            Example:
              incident customer import customers.csv
            """)

    @Argument(help: "CSV file (UTF-8).") var file: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions

    func run() throws {
        let table = try CSVTable(
            file: file, known: ["slug", "name", "email", "language", "timezone", "notice-hours", "region", "service"],
            required: ["slug", "name", "email"])
        let customers = try table.rows.map { row in
            let field = Field.row(file, line: row.line)
            let customer = try CustomerInput.customer(
                slug: row.cells["slug"] ?? "", name: row.cells["name"] ?? "", emails: CSVTable.list(row.cells["email"]),
                language: row.cells["language"].flatMap { $0.isEmpty ? nil : $0 } ?? "en",
                timezone: row.cells["timezone"].flatMap { $0.isEmpty ? nil : $0 } ?? "UTC",
                noticeHours: try CSVTable.int(row.cells["notice-hours"], field: field),
                regions: CSVTable.list(row.cells["region"]), services: CSVTable.list(row.cells["service"]), row: field)
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
