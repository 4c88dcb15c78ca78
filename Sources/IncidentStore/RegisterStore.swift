import IncidentCore

/// The register's one contract: append events atomically on the hash chain, read projections, verify.
///
/// The engine, the notice generator and the CLI talk to a register only through this, so none of them knows
/// which backend keeps it. Every write is all or nothing; every read sees one consistent state.
public protocol RegisterStore: AnyObject, Sendable {
    /// Where the register is, as shown in messages (a file path; never a password).
    var location: String { get }

    // MARK: Writing

    /// Logs a new incident: allocates the next id for its awareness year and records the `logged` event. With
    /// `refusingDuplicatesExcept`, one that looks like an incident already logged (and not in the set) is refused.
    func log(_ body: Logged, context: Context, refusingDuplicatesExcept accepted: Set<IncidentID>?) throws -> Incident
    /// Records the events the engine decides from the incident's current state, inside the write transaction.
    func recordMany(_ id: IncidentID, _ decide: (Incident) throws -> [IncidentEvent]) throws -> Incident
    /// Records directory events (customers, our details) decided from the current directory.
    func recordDirectory(_ decide: (Directory) throws -> [DirectoryEvent]) throws -> Directory
    /// Appends events decided outside the write lock, only if the head is still `head`; nil when it moved.
    func append(_ events: [IncidentEvent], to id: IncidentID, ifHeadIs head: Checkpoint) throws -> Incident?

    // MARK: Reading

    func incident(_ id: IncidentID) throws -> Incident
    /// Incidents already logged that `body` would repeat (same awareness time and title).
    func possibleDuplicates(of body: Logged) throws -> [LoggedIncident]
    /// True for a register made for practice, where a pinned clock is allowed.
    func isPractice() throws -> Bool
    func directory() throws -> Directory
    func head() throws -> Checkpoint
    func list(_ filter: ListFilter) throws -> [IncidentSummary]
    func timeline(_ id: IncidentID) throws -> [TimelineEntry]
    func noticeSnapshot(_ id: IncidentID) throws -> NoticeSnapshot
    /// The incident and each customer's last notice marked sent, read together: what `Workflow.dueNotices` needs,
    /// without the directory a drafting snapshot also reads (`due` and `list --overdue` ask once per incident).
    func dueState(_ id: IncidentID) throws -> (incident: Incident, lastSent: [String: NoticeVersion])
    func noticeVersions(_ id: IncidentID) throws -> [NoticeVersionSummary]
    func forEachNotice(
        _ id: IncidentID, customer: String?, version: Int?, latestOnly: Bool,
        _ body: (NoticeVersion) throws -> Void) throws
    func forEachRecord(from: Timestamp?, to: Timestamp?, _ body: (RegisterRecord) throws -> Void) throws

    // MARK: Integrity

    /// Recomputes the chain, replays every event against the projections, and checks the storage itself.
    func verify() throws -> VerifyReport
    /// The hash of the event at position `sequence`, if there is one: what a checkpoint is checked against.
    func hash(at sequence: Int64) throws -> String?
    /// A verified copy of the whole register in a new SQLite file; returns the copy's head.
    func backup(to destination: String) throws -> Checkpoint

    // MARK: Copying between backends

    /// Every stored event in chain order, with the hash stored beside it: what `db copy` reads.
    func forEachStoredEvent(_ body: (HashChain.Content, String) throws -> Void) throws
    /// Rebuilds this register, which must hold no events, from another's stored events in one transaction,
    /// keeping the chain; returns the new head. `events` calls its argument once per event, in order.
    func importChain(_ events: ((HashChain.Content, String) throws -> Void) throws -> Void) throws -> Checkpoint
}

extension RegisterStore {
    /// Logs a new incident without checking for duplicates.
    public func log(_ body: Logged, context: Context) throws -> Incident {
        try log(body, context: context, refusingDuplicatesExcept: nil)
    }

    /// Records one step on an existing incident.
    public func record(_ id: IncidentID, _ decide: (Incident) throws -> IncidentEvent) throws -> Incident {
        try recordMany(id) { [try decide($0)] }
    }

    /// Every notice version of an incident, in customer order then version.
    public func forEachNotice(_ id: IncidentID, _ body: (NoticeVersion) throws -> Void) throws {
        try forEachNotice(id, customer: nil, version: nil, latestOnly: false, body)
    }
}

extension VerifyReport {
    /// Adds what a checkpoint kept elsewhere reveals: a truncated tail or a rewritten history.
    public mutating func check(against checkpoint: Checkpoint, in register: any RegisterStore) throws {
        guard checkpoint.events <= headSequence else {
            problems.append(
                .init(
                    event: nil, incident: nil,
                    reason: "holds \(headSequence) events but the checkpoint has \(checkpoint.events): events were removed from the end"))
            return
        }
        guard checkpoint.events > 0 else { return }
        if try register.hash(at: checkpoint.events) != checkpoint.hash {
            problems.append(
                .init(
                    event: checkpoint.events, incident: nil,
                    reason: "does not match the checkpoint: the history up to it was rewritten"))
        }
    }
}
