import GRDB
import IncidentCore

extension ListFilter {
    /// The SQL both backends use for `mayOweNoticeAt`, with `?` standing for the time.
    /// Every subquery is uncorrelated, so each runs once: the earlier form named the incident's `phase` inside
    /// the subquery, which ran it again for every incident (383 ms at 10,000 incidents).
    static let mayOweNoticeSQL = """
        (id IN (SELECT incident_id FROM shares WHERE first_sent IS NULL AND ruled_out IS NULL AND due_by < ?) \
        OR id IN (SELECT incident_id FROM shares WHERE first_sent IS NOT NULL AND ruled_out IS NOT NULL) \
        OR (phase <> 'closed' AND id IN (SELECT incident_id FROM shares WHERE first_sent IS NOT NULL)))
        """
}

/// Which incidents `list` shows.
public struct ListFilter: Sendable {
    public enum State: Sendable { case any, open, closed }
    public var phase: Phase?
    public var severity: Severity?
    public var state: State
    /// Only incidents with a customer past its deadline and not yet sent a notice, as of this moment.
    public var overdueAt: Timestamp?
    /// Only incidents that may owe some customer a notice that is late at this moment: a first notice past its
    /// deadline, or any customer already sent a notice while the incident is open or the customer ruled out.
    /// A superset: `Workflow.dueNotices` decides which of them really owe one (`list --overdue`, `due`).
    public var mayOweNoticeAt: Timestamp?
    /// At most this many, newest first; nil for all.
    public var limit: Int?

    public init(
        phase: Phase? = nil, severity: Severity? = nil, state: State = .any, overdueAt: Timestamp? = nil, limit: Int? = nil,
        mayOweNoticeAt: Timestamp? = nil
    ) {
        self.mayOweNoticeAt = mayOweNoticeAt
        self.phase = phase
        self.severity = severity
        self.state = state
        self.overdueAt = overdueAt
        self.limit = limit
    }
}
