import GRDB
import IncidentCore

/// Appending to the hash-chained event table, and reading it back.
enum EventLog {
    /// The head of the chain: the number of events and the last hash (the genesis hash when empty).
    static func head(in db: Database) throws -> Checkpoint {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")) else {
            return Checkpoint(events: 0, hash: HashChain.genesis)
        }
        let r = stored(row)
        return Checkpoint(events: try r.at(0, "seq"), hash: try r.at(1, "hash"))
    }

    /// Stores an incident's event after the current head of the chain and returns its sequence number.
    /// `payload` is the event's payload already encoded, if the caller made it before the write.
    static func append(_ event: IncidentEvent, in db: Database, payload: String? = nil) throws -> Int64 {
        try insert(try content(of: event, after: try head(in: db), payload: payload), in: db)
    }

    /// Stores a directory event (no incident; it happened when it was recorded).
    static func append(_ event: DirectoryEvent, in db: Database) throws -> Int64 {
        try insert(try content(of: event, after: try head(in: db)), in: db)
    }

    /// The stored form of an incident's event placed after `head`: the one rule both backends store and hash.
    static func content(of event: IncidentEvent, after head: Checkpoint, payload: String? = nil) throws -> HashChain.Content {
        HashChain.Content(
            seq: head.events + 1, incident: event.incident.description, incidentSeq: event.number, type: event.payload.type,
            payload: try payload ?? event.payload.encodedBody(), actor: event.actor, recordedAt: event.recordedAt.iso8601,
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
        // Events are recorded in time order: a clock set back would make the register's history read out of order.
        if let last = try DatabaseValue.fetchOne(
            db.cachedStatement(sql: "SELECT recorded_at FROM events WHERE seq = ?"),
            arguments: [content.seq - 1]),
            case .string(let lastText) = last.storage, content.recordedAt < lastText
        {
            throw StoreError.clockBehind(now: content.recordedAt, last: lastText)
        }
        let seq = content.seq
        let hash = HashChain.hash(content)
        // Cached: a batch writes thousands of events through this one statement.
        try db.cachedStatement(
            sql: """
                INSERT INTO events (seq, incident_id, incident_seq, type, payload, actor, recorded_at, occurred_at, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            seq, content.incident, content.incidentSeq, content.type, content.payload, content.actor,
            content.recordedAt, content.occurredAt, content.previousHash, hash,
        ])
        // SQLite reports success for an insert a trigger ignored: read the event back before anyone is told it was recorded.
        let stored = try DatabaseValue.fetchOne(db.cachedStatement(sql: "SELECT hash FROM events WHERE seq = ?"), arguments: [seq])
        guard let stored, case .string(let text) = stored.storage, text == hash else {
            throw StoreError.damaged(
                reason:
                    "event \(seq) was not stored although SQLite reported success: something in the register intercepts writes; nothing was recorded"
            )
        }
        return seq
    }

    /// The columns `contentIndexed` reads, in order.
    static let columns = "seq, incident_id, incident_seq, type, payload, actor, recorded_at, occurred_at, prev_hash, hash"

    /// An events row, named by its `seq` in messages.
    static func stored(_ row: Row) -> StoredRow { StoredRow(row, table: "events", keys: ["seq"]) }

    /// The stored fields of a row selected with `columns`, as hashed; read by position, no name look-ups.
    /// A value of the wrong storage class (a blob where text belongs) is reported as damage, never a crash.
    static func contentIndexed(_ row: Row) throws -> HashChain.Content {
        if case .int64(let seq) = (row[0] as DatabaseValue).storage, let incident = row[1] as DatabaseValue?,
            let iseq = row[2] as DatabaseValue?,
            case .string(let type) = (row[3] as DatabaseValue).storage, case .string(let payload) = (row[4] as DatabaseValue).storage,
            case .string(let actor) = (row[5] as DatabaseValue).storage, case .string(let recorded) = (row[6] as DatabaseValue).storage,
            case .string(let occurred) = (row[7] as DatabaseValue).storage, case .string(let previous) = (row[8] as DatabaseValue).storage,
            let incidentText = String?.fromDatabaseValue(incident), let incidentSeq = Int?.fromDatabaseValue(iseq)
        {
            return HashChain.Content(
                seq: seq, incident: incidentText, incidentSeq: incidentSeq, type: type, payload: payload, actor: actor,
                recordedAt: recorded, occurredAt: occurred, previousHash: previous)
        }
        let r = stored(row)
        return HashChain.Content(
            seq: try r.at(0, "seq"), incident: try r.at(1, "incident_id"), incidentSeq: try r.at(2, "incident_seq"),
            type: try r.at(3, "type"), payload: try r.at(4, "payload"), actor: try r.at(5, "actor"),
            recordedAt: try r.at(6, "recorded_at"), occurredAt: try r.at(7, "occurred_at"),
            previousHash: try r.at(8, "prev_hash"))
    }

    /// The directory event a stored row without an incident holds.
    static func directoryEvent(_ content: HashChain.Content) throws -> DirectoryEvent {
        DirectoryEvent(
            payload: try DirectoryPayload.decode(type: content.type, body: content.payload), actor: content.actor,
            recordedAt: try Projection.time(content.recordedAt))
    }

    /// An incident event's payload: `updated` (most events) through the hand-written decoder when it reads it,
    /// everything else, and anything that decoder gives up on, through `JSONDecoder`.
    static func payload(_ content: HashChain.Content) throws -> EventPayload {
        if content.type == "updated", let updated = UpdatedPayloadDecoder.decode(content.payload) { return .updated(updated) }
        return try EventPayload.decode(type: content.type, body: content.payload)
    }

    /// The event a stored row holds, decoded for replay.
    static func event(_ content: HashChain.Content) throws -> IncidentEvent {
        guard let incidentText = content.incident, let number = content.incidentSeq else {
            throw ReplayError(problem: "event has no incident")
        }
        guard let id = try? IncidentID.parse(incidentText), id.description == incidentText else {
            throw ReplayError(problem: "incident id '\(incidentText)' is not stored as INC-YYYY-NNNN, so look-ups by id would miss it")
        }
        return IncidentEvent(
            incident: id, number: number,
            payload: try payload(content), actor: content.actor,
            recordedAt: try Projection.time(content.recordedAt), occurredAt: try Projection.time(content.occurredAt))
    }
}
