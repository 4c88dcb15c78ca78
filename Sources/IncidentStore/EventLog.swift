import GRDB
import IncidentCore

/// Appending to the hash-chained event table, and reading it back.
enum EventLog {
    /// The head of the chain: the number of events and the last hash (the genesis hash when empty).
    static func head(in db: Database) throws -> Checkpoint {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"))
        return Checkpoint(events: row?["seq"] ?? 0, hash: row?["hash"] ?? HashChain.genesis)
    }

    /// Stores an incident's event after the current head of the chain and returns its sequence number.
    static func append(_ event: IncidentEvent, in db: Database) throws -> Int64 {
        try insert(try content(of: event, after: try head(in: db)), in: db)
    }

    /// Stores a directory event (no incident; it happened when it was recorded).
    static func append(_ event: DirectoryEvent, in db: Database) throws -> Int64 {
        try insert(try content(of: event, after: try head(in: db)), in: db)
    }

    /// The stored form of an incident's event placed after `head`: the one rule both backends store and hash.
    static func content(of event: IncidentEvent, after head: Checkpoint) throws -> HashChain.Content {
        HashChain.Content(
            seq: head.events + 1, incident: event.incident.description, incidentSeq: event.number, type: event.payload.type,
            payload: try event.payload.encodedBody(), actor: event.actor, recordedAt: event.recordedAt.iso8601,
            occurredAt: event.occurredAt.iso8601, previousHash: head.hash)
    }

    /// The stored form of a directory event placed after `head` (no incident; it happened when it was recorded).
    static func content(of event: DirectoryEvent, after head: Checkpoint) throws -> HashChain.Content {
        HashChain.Content(
            seq: head.events + 1, incident: nil, incidentSeq: nil, type: event.payload.type, payload: try event.payload.encodedBody(),
            actor: event.actor, recordedAt: event.recordedAt.iso8601, occurredAt: event.recordedAt.iso8601,
            previousHash: head.hash)
    }

    static func insert(_ content: HashChain.Content, in db: Database) throws -> Int64 {
        let seq = content.seq
        // Cached: a batch writes thousands of events through this one statement.
        try db.cachedStatement(sql: """
            INSERT INTO events (seq, incident_id, incident_seq, type, payload, actor, recorded_at, occurred_at, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [seq, content.incident, content.incidentSeq, content.type, content.payload, content.actor,
                             content.recordedAt, content.occurredAt, content.previousHash, HashChain.hash(content)])
        return seq
    }

    /// The columns `contentIndexed` reads, in order.
    static let columns = "seq, incident_id, incident_seq, type, payload, actor, recorded_at, occurred_at, prev_hash, hash"

    /// The stored fields of a row selected with `columns`, as hashed; read by position, no name look-ups.
    static func contentIndexed(_ row: Row) -> HashChain.Content {
        HashChain.Content(seq: row[0], incident: row[1], incidentSeq: row[2], type: row[3], payload: row[4], actor: row[5],
                          recordedAt: row[6], occurredAt: row[7], previousHash: row[8])
    }

    /// The directory event a stored row without an incident holds.
    static func directoryEvent(_ content: HashChain.Content) throws -> DirectoryEvent {
        DirectoryEvent(payload: try DirectoryPayload.decode(type: content.type, body: content.payload), actor: content.actor,
                       recordedAt: try Projection.time(content.recordedAt))
    }

    /// The event a stored row holds, decoded for replay.
    static func event(_ content: HashChain.Content) throws -> IncidentEvent {
        guard let incidentText = content.incident, let number = content.incidentSeq else {
            throw ReplayError(problem: "event has no incident")
        }
        return IncidentEvent(
            incident: try IncidentID.parse(incidentText), number: number,
            payload: try EventPayload.decode(type: content.type, body: content.payload), actor: content.actor,
            recordedAt: try Projection.time(content.recordedAt), occurredAt: try Projection.time(content.occurredAt))
    }
}
