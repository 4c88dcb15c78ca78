import GRDB
import IncidentCore

/// One step on an incident's timeline: what happened, when, and who recorded it.
public struct TimelineEntry: Equatable, Sendable {
    /// Position in the whole register's chain.
    public var sequence: Int64
    public var event: IncidentEvent
    public var hash: String

    static func fetch(_ id: IncidentID, in db: Database) throws -> [TimelineEntry] {
        try Row.fetchAll(
            db, sql: "SELECT \(EventLog.columns) FROM events WHERE incident_id = ? ORDER BY incident_seq",
            arguments: [id.description]
        ).map { row in
            let content = try EventLog.contentIndexed(row)
            let event: IncidentEvent
            do { event = try EventLog.event(content) } catch {
                throw StoreError.damaged(reason: "event \(content.seq) cannot be read: \(error)")
            }
            return TimelineEntry(sequence: content.seq, event: event, hash: try EventLog.stored(row).at(9, "hash"))
        }
    }
}
