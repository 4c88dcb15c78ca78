import ArgumentParser
import IncidentCore
import IncidentStore

struct Metrics: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "How fast incidents were contained, restored, closed and notified.",
        discussion: """
            Every time is counted from the awareness time as it now stands, so a
            corrected --aware-at changes the figures (`incident timeline` shows the
            correction). A reopened incident counts from its last run: it has no
            close time until it is closed again.

            With an ID: that incident's milestones and each customer's first
            notice against its deadline. Without: the median and the worst case
            of each measure over the incidents whose awareness time is in the
            period (--since inclusive, --until exclusive), then each incident.

            Examples:
              incident metrics INC-2026-0001
              incident metrics --since 2026-01-01T00:00:00Z --json
            """)

    @Argument(help: "Incident id (default: every incident in the period).", completion: .incidentIDs) var id: String?
    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("Only incidents we became aware of at or after this time.", valueName: "time")) var since: String?
    @Option(help: ArgumentHelp("Only incidents we became aware of before this time.", valueName: "time")) var until: String?

    func validate() throws {
        if id != nil && (since != nil || until != nil) {
            throw ValidationError("--since and --until choose incidents; leave them out with an ID")
        }
    }

    func run() throws {
        let now = WriterOptions.now()
        let since = try since.map { try Timestamp.parse($0, field: .periodStart, now: now) }
        let until = try until.map { try Timestamp.parse($0, field: .periodEnd, now: now) }
        if let since, let until, until <= since {
            throw InputError(field: .periodEnd, problem: "\(until) is not after --since \(since); give a later end")
        }
        let store = try register.open(create: false)
        func metrics(_ id: IncidentID) throws -> IncidentMetrics? { IncidentMetrics.compute(try store.timeline(id).map(\.event), now: now) }
        if let id {
            let id = try IncidentID.parse(id)
            _ = try store.incident(id)  // a missing incident is "not found", not an empty answer
            guard let one = try metrics(id) else { return }
            if output.json { return try Output.json(IncidentMetricsJSON(one)) }
            return Output.print(MetricsText(terminal: .current).incident(one))
        }
        let candidates = try store.list(ListFilter()).filter { s in
            (since.map { s.awareAt >= $0 } ?? true) && (until.map { s.awareAt < $0 } ?? true)
        }
        let all = MetricsSummary.inPeriod(try candidates.compactMap { try metrics($0.id) }, since: since, until: until)
        let summary = MetricsSummary.of(all, since: since, until: until)
        if output.json { return try Output.json(MetricsSummaryJSON(summary, all)) }
        Output.print(MetricsText(terminal: .current).summary(summary, all))
    }
}
