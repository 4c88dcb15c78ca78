import GRDB
import IncidentCore

/// Which incidents `list` shows.
public struct ListFilter: Sendable {
    public enum State: Sendable { case any, open, closed }
    public var phase: Phase?
    public var severity: Severity?
    public var state: State
    /// Only incidents with a customer past its deadline and not yet sent a notice, as of this moment.
    public var overdueAt: Timestamp?
    /// At most this many, newest first; nil for all.
    public var limit: Int?

    public init(phase: Phase? = nil, severity: Severity? = nil, state: State = .any, overdueAt: Timestamp? = nil, limit: Int? = nil) {
        self.phase = phase
        self.severity = severity
        self.state = state
        self.overdueAt = overdueAt
        self.limit = limit
    }
}
