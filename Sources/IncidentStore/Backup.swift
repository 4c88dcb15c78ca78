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
    public static func parse(_ text: String, field: Field = .checkpoint) throws -> Checkpoint {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        let ascii = { (part: Substring, digits: String) in !part.isEmpty && part.unicodeScalars.allSatisfy { digits.unicodeScalars.contains($0) } }
        guard parts.count == 2, ascii(parts[0], "0123456789"), parts[0].count <= 18, let events = Int64(parts[0]),
              parts[1].count == 64, ascii(parts[1], "0123456789abcdef"),
              events > 0 || parts[1] == HashChain.genesis else {
            throw InputError(field: field, problem: "'\(text)' is not a checkpoint; give it as N:64-hex-digits, as the register prints it", next: .checkpointFormat)
        }
        return Checkpoint(events: events, hash: String(parts[1]))
    }
}
