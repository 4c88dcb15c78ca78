import Foundation
import IncidentCore
import PostgresNIO

extension PostgresRegister {
    /// The chain as one write transaction extends it, from the head it locked.
    struct Chain {
        let session: PostgresSession
        var head: Checkpoint
        /// The server's clock, read once the head is locked: every writer stamps `recorded_at` from the one clock,
        /// in the order the lock lets them in, so recorded times never go back between laptops whose clocks differ.
        let now: Timestamp

        mutating func append(_ event: IncidentEvent, payload: String? = nil) throws -> Int64 {
            try insert(try EventLog.content(of: event, after: head, payload: payload))
        }
        mutating func append(_ event: DirectoryEvent) throws -> Int64 { try insert(try EventLog.content(of: event, after: head)) }

        /// Stores an event as given; it must extend the head (the server checks this too).
        mutating func insert(_ content: HashChain.Content) throws -> Int64 {
            let hash = HashChain.hash(content)
            try session.query(
                """
                INSERT INTO events (seq, incident_id, incident_seq, type, payload, actor, recorded_at, occurred_at, prev_hash, hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                """,
                [
                    .int(content.seq), .text(content.incident), .int(content.incidentSeq.map(Int64.init)), .text(content.type),
                    .text(content.payload), .text(content.actor), .text(content.recordedAt), .text(content.occurredAt),
                    .text(content.previousHash), .text(hash),
                ])
            head = Checkpoint(events: content.seq, hash: hash)
            return content.seq
        }
    }
}
