import ArgumentParser
import IncidentCore
import IncidentStore

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List incidents, newest awareness first.",
        discussion: """
            A table on a terminal; tab-separated lines with a header when piped.

            Examples:
              incident list --open --severity critical
              incident list --phase contain --json
            """)

    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only incidents in this phase (investigate … restore, or closed).") var phase: String?
    @Option(help: "Only incidents of this severity.") var severity: String?
    @Flag(help: "Only open incidents.") var open = false
    @Flag(help: "Only closed incidents.") var closed = false
    @Flag(help: "Only incidents owing a customer a notice that is late (as `incident due`).") var overdue = false
    @Option(help: "Show at most N, newest first (default: 100 on a terminal, all otherwise; 0 for all).") var limit: Int?

    func validate() throws {
        if open && closed { throw ValidationError("--open and --closed exclude each other; give one") }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
    }

    /// A person at a terminal wants the newest incidents, not ten thousand lines; scripts get everything.
    static func effectiveLimit(_ limit: Int?, interactive: Bool) -> Int? {
        if let limit { return limit == 0 ? nil : limit }
        return interactive ? 100 : nil
    }

    func run() throws {
        let now = WriterOptions.now()
        var filter = ListFilter(
            phase: try phase.map { try Phase.parse($0, field: .phase) },
            severity: try severity.map { try Severity.parse($0) },
            state: open ? .open : closed ? .closed : .any,
            limit: Self.effectiveLimit(limit, interactive: Terminal.current.isInteractive && !output.json))
        let store = try register.open(create: false)
        var incidents: [IncidentSummary]
        if overdue {
            // The store narrows the candidates; the core's rule (the one `due` uses) decides, and then the limit applies.
            let limit = filter.limit
            filter.limit = nil
            filter.mayOweNoticeAt = now
            incidents = try store.list(filter).filter { try !Due.owed(in: store, $0.id).filter { $0.isOverdue(at: now) }.isEmpty }
            if let limit { incidents = Array(incidents.prefix(limit)) }
            filter.limit = limit
        } else {
            incidents = try store.list(filter)
        }
        if let shown = filter.limit, incidents.count == shown, limit == nil {
            Output.warn("showing the newest \(shown); use --limit 0 for all")
        }
        if output.json { return try Output.json(incidents) }
        let terminal = Terminal.current
        let rows = incidents.map { [$0.id.description, $0.phase.rawValue, $0.severity.rawValue, $0.awareAt.iso8601, $0.title] }
        if terminal.isInteractive && rows.isEmpty { return Output.print("No incidents match.") }
        Output.print(
            terminal.table(["ID", "PHASE", "SEVERITY", "AWARE AT", "TITLE"], rows) { column, cell in
                column == 2 ? terminal.severity(cell.trimmingCharacters(in: .whitespaces), cell) : cell
            })
    }
}
