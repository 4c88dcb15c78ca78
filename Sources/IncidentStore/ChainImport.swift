import IncidentCore

/// Rebuilding a register from another's events (`incident db copy`, a PostgreSQL backup): each stored event is
/// checked against the chain so far and folded into state, so the copy's projections are written by the same
/// code as every other write. Both backends use it.
struct ChainImport {
    private(set) var head = Checkpoint(events: 0, hash: HashChain.genesis)
    private var incidents: [IncidentID: Incident] = [:]
    private var directory = Directory()

    enum Step {
        case incident(Incident, IncidentEvent)
        case directory(DirectoryEvent)
    }

    /// The next event of the source: it must extend the chain exactly and hash to what the source stored.
    mutating func next(_ content: HashChain.Content, storedHash: String) throws -> Step {
        guard content.seq == head.events + 1, content.previousHash == head.hash, HashChain.hash(content) == storedHash else {
            throw StoreError.damaged(
                reason: "event \(content.seq) of the source does not extend its chain; run `incident verify` on the source")
        }
        head = Checkpoint(events: content.seq, hash: storedHash)
        if content.incident == nil {
            let event = try EventLog.directoryEvent(content)
            directory = try directory.applying(event)
            return .directory(event)
        }
        let event = try EventLog.event(content)
        var incident: Incident
        if var existing = incidents[event.incident] {
            try existing.apply(event)
            incident = existing
        } else {
            incident = try Incident.started(by: event)
        }
        incidents[event.incident] = incident
        return .incident(incident, event)
    }
}

extension RegisterStore {
    /// Copies this register into `destination`, which must hold no events: the source is verified first, the
    /// events are copied in one transaction keeping the chain, and the copy is verified after. Returns the copy's
    /// head, which is a checkpoint of the source too.
    public func copy(to destination: any RegisterStore) throws -> Checkpoint {
        let source = try verify()
        guard source.isClean else {
            throw CopyRefusal.sourceInvalid(location: location, problem: source.problems[0].reason)
        }
        let existing = try destination.head()
        guard existing.events == 0 else { throw CopyRefusal.destinationHasEvents(location: destination.location, events: existing.events) }
        let head = try destination.importChain { each in try forEachStoredEvent(each) }
        let copy = try destination.verify()
        guard copy.isClean, copy.headSequence == head.events, try hash(at: head.events) == head.hash || head.events == 0 else {
            throw CopyRefusal.destinationInvalid(
                location: destination.location, problem: copy.problems.first?.reason ?? "its head differs from the source")
        }
        return head
    }
}

/// Why `db copy` stopped. Nothing is left half-copied: the events go in one transaction.
public enum CopyRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    case sourceInvalid(location: String, problem: String)
    case destinationHasEvents(location: String, events: Int64)
    case destinationInvalid(location: String, problem: String)
    case sameRegister(location: String)

    public var description: String {
        switch self {
        case .sourceInvalid(let location, let problem):
            "db copy: the source \(location) does not verify (\(problem)); run `incident verify` on it, nothing was copied"
        case .destinationHasEvents(let location, let events):
            "db copy: the destination \(location) already holds \(events) events; copy only into a new file or a freshly initialised database"
        case .destinationInvalid(let location, let problem):
            "db copy: the copy at \(location) did not verify (\(problem))"
        case .sameRegister(let location):
            "db copy: the source and the destination are both \(location); give two different registers"
        }
    }
}
