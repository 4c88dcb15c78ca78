import GRDB
import IncidentCore

/// Appending to the hash-chained event table, and reading it back.
enum EventLog {
    /// Stores `event` after the current head of the chain and returns its sequence number.
    static func append(_ event: IncidentEvent, in db: Database) throws -> Int64 {
        let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")
        let seq = (head?["seq"] as Int64? ?? 0) + 1
        let content = HashChain.Content(
            seq: seq, incident: event.incident.description, incidentSeq: event.number, type: event.payload.type,
            payload: try event.payload.encodedBody(), actor: event.actor, recordedAt: event.recordedAt.iso8601,
            occurredAt: event.occurredAt.iso8601, previousHash: head?["hash"] ?? HashChain.genesis)
        try db.execute(sql: """
            INSERT INTO events (seq, incident_id, incident_seq, type, payload, actor, recorded_at, occurred_at, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [seq, content.incident, content.incidentSeq, content.type, content.payload, content.actor,
                             content.recordedAt, content.occurredAt, content.previousHash, HashChain.hash(content)])
        return seq
    }

    /// The stored fields of an event row, as hashed.
    static func content(_ row: Row) -> HashChain.Content {
        HashChain.Content(seq: row["seq"], incident: row["incident_id"], incidentSeq: row["incident_seq"],
                          type: row["type"], payload: row["payload"], actor: row["actor"],
                          recordedAt: row["recorded_at"], occurredAt: row["occurred_at"], previousHash: row["prev_hash"])
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
