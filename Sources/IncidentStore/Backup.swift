import GRDB
import IncidentCore

#if canImport(Glibc)
    import Glibc
#endif

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
            do {
                let target = try DatabaseQueue(path: destination)
                try target.writeWithoutTransaction { targetDB in
                    try queue.read { sourceDB in
                        head = try EventLog.head(in: sourceDB)
                        try sourceDB.backup(to: targetDB)
                    }
                }
                try target.close()
            } catch let error as DatabaseError {
                throw Self.backupError(error, destination: destination, source: path, busyTimeout: busyTimeout)
            }
            do { try SafeFile.sync(destination) } catch let refused as SafeFile.Refused {
                throw StoreError.unwritable(path: destination, reason: refused.problem)
            }
            let report = try Register(path: destination, create: false, busyTimeout: busyTimeout).verify()
            guard report.isClean, report.headSequence == head.events, report.headHash == head.hash else {
                throw StoreError.damaged(
                    reason: "the backup at \(destination) did not verify: \(report.problems.first?.reason ?? "head differs")")
            }
        } catch {
            // A half-made backup must not be mistaken for a good one, and nothing of it may be left behind.
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(destination + suffix) }
            throw error
        }
        return head
    }

    /// A failure while copying: a full disk or an I/O error is the backup's (exit 73, naming the backup), not the
    /// register's, which was only read; a lock held too long is the register's.
    static func backupError(_ error: DatabaseError, destination: String, source: String, busyTimeout: Double) -> StoreError {
        switch error.resultCode {
        case .SQLITE_FULL:
            return .unwritable(
                path: destination, reason: "cannot be written: the disk is full; nothing was left behind, free some space and run it again")
        case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
            return .unwritable(path: destination, reason: "cannot be written (\(error.message ?? "I/O error")); nothing was left behind")
        default:
            return StoreError.from(error, path: source, busyTimeout: busyTimeout)
        }
    }
}
