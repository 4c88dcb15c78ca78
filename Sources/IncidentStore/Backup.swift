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
        var info = stat()
        if lstat(destination, &info) == 0 {
            throw StoreError.unwritable(path: destination, reason: "already exists; backups never replace a file")
        }
        let fd = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.unwritable(path: destination, reason: String(cString: strerror(errno))) }
        fchmod(fd, 0o600)
        close(fd)
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
            try Self.sync(destination)
            let report = try Register(path: destination, create: false, busyTimeout: busyTimeout).verify()
            guard report.isClean, report.headSequence == head.events, report.headHash == head.hash else {
                throw StoreError.damaged(reason: "the backup at \(destination) did not verify: \(report.problems.first?.reason ?? "head differs")")
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
            return .unwritable(path: destination, reason: "cannot be written: the disk is full; nothing was left behind, free some space and run it again")
        case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
            return .unwritable(path: destination, reason: "cannot be written (\(error.message ?? "I/O error")); nothing was left behind")
        default:
            return StoreError.from(error, path: source, busyTimeout: busyTimeout)
        }
    }

    /// fsync the file and its folder, so the backup survives a power cut right after we report it.
    static func sync(_ path: String) throws {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        for target in [path, folder.isEmpty ? "/" : folder] {
            let fd = open(target, O_RDONLY | O_CLOEXEC)
            guard fd >= 0, fsync(fd) == 0 else {
                if fd >= 0 { close(fd) }
                throw StoreError.unwritable(path: path, reason: "cannot be synced to disk (\(target)): \(String(cString: strerror(errno)))")
            }
            close(fd)
        }
    }
}

extension VerifyReport {
    /// Adds what a checkpoint kept elsewhere reveals: a truncated tail or a rewritten history.
    public mutating func check(against checkpoint: Checkpoint, in register: Register) throws {
        guard checkpoint.events <= headSequence else {
            problems.append(.init(event: nil, incident: nil,
                                  reason: "holds \(headSequence) events but the checkpoint has \(checkpoint.events): events were removed from the end"))
            return
        }
        guard checkpoint.events > 0 else { return }
        let stored = try register.read { db in
            try String.fetchOne(db, sql: "SELECT hash FROM events WHERE seq = ?", arguments: [checkpoint.events])
        }
        if stored != checkpoint.hash {
            problems.append(.init(event: checkpoint.events, incident: nil,
                                  reason: "does not match the checkpoint: the history up to it was rewritten"))
        }
    }
}

extension Checkpoint {
    /// Parses `N:HASH` as `incident checkpoint` prints it.
    public static func parse(_ text: String, field: String = "--checkpoint") throws -> Checkpoint {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        let ascii = { (part: Substring, digits: String) in !part.isEmpty && part.unicodeScalars.allSatisfy { digits.unicodeScalars.contains($0) } }
        guard parts.count == 2, ascii(parts[0], "0123456789"), parts[0].count <= 18, let events = Int64(parts[0]),
              parts[1].count == 64, ascii(parts[1], "0123456789abcdef"),
              events > 0 || parts[1] == HashChain.genesis else {
            throw InputError(field: field, problem: "'\(text)' is not a checkpoint; give it as `incident checkpoint` printed it, N:64-hex-digits")
        }
        return Checkpoint(events: events, hash: String(parts[1]))
    }
}
