#if canImport(Glibc)
import Glibc
#endif
import GRDB
import IncidentCore

extension Register {
    /// Copies the register to a new file with SQLite's online backup, while others may be writing.
    ///
    /// The copy is one consistent snapshot; its head is read in the same read transaction. The file is
    /// created 0600 and never replaces anything; it is synced to disk, then verified like the register itself.
    public func backup(to destination: String) throws -> Checkpoint {
        do { try SafeFile.createNew(destination) } catch let refused as SafeFile.Refused {
            throw StoreError.unwritable(path: destination, reason: refused.problem)
        }
        var head = Checkpoint(events: 0, hash: HashChain.genesis)
        do {
            try mapErrors {
                let target = try DatabaseQueue(path: destination)
                try target.writeWithoutTransaction { targetDB in
                    try queue.read { sourceDB in
                        head = try EventLog.head(in: sourceDB)
                        try sourceDB.backup(to: targetDB)
                    }
                }
                try target.close()
            }
            do { try SafeFile.sync(destination) } catch let refused as SafeFile.Refused {
                throw StoreError.unwritable(path: destination, reason: refused.problem)
            }
            let report = try Register(path: destination, create: false, busyTimeout: busyTimeout).verify()
            guard report.isClean, report.headSequence == head.events, report.headHash == head.hash else {
                throw StoreError.damaged(reason: "the backup at \(destination) did not verify: \(report.problems.first?.reason ?? "head differs")")
            }
        } catch {
            unlink(destination) // a half-made backup must not be mistaken for a good one
            throw error
        }
        return head
    }
}
