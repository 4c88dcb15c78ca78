import GRDB
import IncidentCore

extension Register {
    /// Every stored event in chain order, with the hash stored beside it.
    public func forEachStoredEvent(_ body: (HashChain.Content, String) throws -> Void) throws {
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(EventLog.columns) FROM events ORDER BY seq")
            while let row = try cursor.next() { try body(EventLog.contentIndexed(row), row[9]) }
        }
    }

    /// Rebuilds this empty register from another's events in one transaction, projections and all.
    public func importChain(_ events: ((HashChain.Content, String) throws -> Void) throws -> Void) throws -> Checkpoint {
        try write { db in
            let existing = try EventLog.head(in: db)
            guard existing.events == 0 else { throw CopyRefusal.destinationHasEvents(location: location, events: existing.events) }
            var chain = ChainImport()
            try events { content, hash in
                switch try chain.next(content, storedHash: hash) {
                case .directory(let event):
                    try DirectoryProjection.write(event, seq: try EventLog.insert(content, in: db), in: db)
                case .incident(let incident, let event):
                    try Projection.write(incident, after: event, seq: try EventLog.insert(content, in: db), in: db)
                }
            }
            return chain.head
        }
    }
}
