/// Response times across the register for a period: medians and the worst cases.
public struct MetricsSummary: Equatable, Sendable {
    /// The middle value and the slowest of one measure, over the incidents (or customers) that have it.
    public struct Figure: Equatable, Sendable {
        /// How many incidents (or customers) the figure is over.
        public var count: Int
        /// The median in seconds: the middle value, or the mean of the two middle values (rounded down).
        public var median: Int64
        /// The slowest, and where it was.
        public var worst: Int64
        public var worstIncident: IncidentID
        public var worstCustomer: String?
    }

    /// The period's bounds, as asked: awareness at or after `since`, and before `until`.
    public var since: Timestamp?
    public var until: Timestamp?
    public var incidents: Int
    public var toContained: Figure?
    public var toRestoreStarted: Figure?
    public var toClosed: Figure?
    /// Over every customer whose first notice was sent.
    public var toFirstNotice: Figure?
    /// First notices by their verdict, and customers still waiting.
    public var onTime: Int
    public var late: Int
    public var overdue: Int
    public var awaiting: Int

    /// The incidents whose current awareness time falls in the period, in the order given.
    public static func inPeriod(_ all: [IncidentMetrics], since: Timestamp?, until: Timestamp?) -> [IncidentMetrics] {
        all.filter { m in (since.map { m.awareAt >= $0 } ?? true) && (until.map { m.awareAt < $0 } ?? true) }
    }

    /// Summarises incidents already chosen for the period.
    public static func of(_ metrics: [IncidentMetrics], since: Timestamp?, until: Timestamp?) -> MetricsSummary {
        typealias Sample = (seconds: Int64, incident: IncidentID, customer: String?)
        func figure(_ samples: [Sample]) -> Figure? {
            guard !samples.isEmpty else { return nil }
            let sorted = samples.map(\.seconds).sorted()
            let middle = sorted.count / 2
            let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            // The first of equally slow cases, in register order, so the answer does not depend on sorting.
            let worst = samples.reduce(samples[0]) { $1.seconds > $0.seconds ? $1 : $0 }
            return Figure(
                count: samples.count, median: median, worst: worst.seconds, worstIncident: worst.incident, worstCustomer: worst.customer)
        }
        func per(_ value: (IncidentMetrics) -> Int64?) -> [Sample] {
            metrics.compactMap { m in value(m).map { ($0, m.incident, nil) } }
        }
        let customers = metrics.flatMap { m in m.customers.map { (m, $0) } }
        let notices: [Sample] = customers.compactMap { m, c in c.toFirstNotice(awareAt: m.awareAt).map { ($0, m.incident, c.customer) } }
        func count(_ status: CustomerNoticeMetrics.Status) -> Int { customers.filter { $0.1.status == status }.count }
        return MetricsSummary(
            since: since, until: until, incidents: metrics.count, toContained: figure(per(\.toContained)),
            toRestoreStarted: figure(per(\.toRestoreStarted)), toClosed: figure(per(\.toClosed)), toFirstNotice: figure(notices),
            onTime: count(.onTime), late: count(.late), overdue: count(.overdue), awaiting: count(.awaiting))
    }
}
