import ArgumentParser
import IncidentCore
import IncidentStore

struct SubprocessorImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add subprocessors from a CSV file: all of them, or none if any row is bad.",
        discussion: """
            Header row with: slug, name, service, and optionally region and
            notify-hours. Published lists give one row per service and region: a
            slug may appear on several rows, which are merged (services and regions
            add up; name and notify-hours must agree). A cell may also hold several
            values separated by ;. A subprocessor identical to one already in the
            register is skipped.

            Example:
              incident subprocessor import subprocessors.csv
            """)

    @Argument(help: "CSV file (UTF-8).") var file: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions

    func run() throws {
        let table = try CSVTable(
            file: file, known: ["slug", "name", "service", "region", "notify-hours"], required: ["slug", "name", "service"])
        let rows = try table.rows.map { row in
            let field = Field.row(file, line: row.line)
            return (
                subprocessor: try CSVTable.named(field) {
                    try Subprocessor.validated(
                        slug: row.cells["slug"] ?? "", name: row.cells["name"] ?? "", services: CSVTable.list(row.cells["service"]),
                        regions: CSVTable.list(row.cells["region"]),
                        notifyHours: try CSVTable.int(row.cells["notify-hours"], field: "\(field): notify-hours"))
                },
                origin: field
            )
        }
        let subprocessors = try Subprocessor.merging(rows: rows)
        let context = try writer.context()
        var added = 0
        _ = try register.open(create: true).recordDirectory { directory in
            let events = try Workflow.addSubprocessors(directory, subprocessors, context: context)
            added = events.count
            return events
        }
        Output.print("\(added) subprocessors added, \(subprocessors.count - added) already present (\(rows.count) rows)")
    }
}
