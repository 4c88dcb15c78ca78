import Foundation
import IncidentCore

extension PostgresRegister {
    /// Every stored event in chain order, with the hash stored beside it, read in pages on one snapshot.
    public func forEachStoredEvent(_ body: (HashChain.Content, String) throws -> Void) throws {
        try read {
            var after: Int64 = 0
            while true {
                let rows = try session.query(
                    "SELECT \(Self.eventColumns) FROM events WHERE seq > $1 ORDER BY seq LIMIT \(Self.page)", [.int(after)])
                for row in rows {
                    let (content, hash) = try Self.content(row)
                    try body(content, hash)
                    after = content.seq
                }
                if rows.count < Self.page { return }
            }
        }
    }

    /// Rebuilds this empty register from another's events in one transaction, projections and all.
    public func importChain(_ events: ((HashChain.Content, String) throws -> Void) throws -> Void) throws -> Checkpoint {
        try write { chain in
            guard chain.head.events == 0 else { throw CopyRefusal.destinationHasEvents(location: location, events: chain.head.events) }
            var source = ChainImport()
            try events { content, hash in
                switch try source.next(content, storedHash: hash) {
                case .directory(let event):
                    try PostgresProjection.write(event, seq: try chain.insert(content), in: session)
                case .incident(let incident, let event):
                    try PostgresProjection.write(incident, after: [(event, try chain.insert(content))], in: session)
                }
            }
            return source.head
        }
    }

    /// A backup of a PostgreSQL register is a verified copy into a new SQLite file, which an auditor can open
    /// without a server. The file is created 0600, never replaces anything, and is removed if anything fails.
    public func backup(to destination: String) throws -> Checkpoint {
        do { try SafeFile.createNew(destination) } catch let refused as SafeFile.Refused {
            throw StoreError.unwritable(path: destination, reason: refused.problem)
        }
        do {
            let head = try Register(path: destination, create: true).importChain { each in try forEachStoredEvent(each) }
            do { try SafeFile.sync(destination) } catch let refused as SafeFile.Refused {
                throw StoreError.unwritable(path: destination, reason: refused.problem)
            }
            let report = try Register(path: destination, create: false).verify()
            guard report.isClean, report.headSequence == head.events, report.headHash == head.hash else {
                throw StoreError.damaged(
                    reason: "the backup at \(destination) did not verify: \(report.problems.first?.reason ?? "head differs")")
            }
            return head
        } catch {
            for suffix in ["", "-wal", "-shm"] { unlink(destination + suffix) }  // a half-made backup must not pass for a good one
            throw error
        }
    }
}
