import Foundation
import GRDB

extension Register {
    static let practicePurpose = "for trying things out; not a record of real incidents"

    /// True when this register was made for practice (`--db practice`).
    public func isPractice() throws -> Bool {
        try read { try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM practice)") ?? false }
    }

    /// Marks a new, empty register as a practice register; does nothing if it already is one.
    /// A register that already holds events and is not marked is refused: it is someone's real register.
    public func markPractice() throws {
        try write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM practice)") == true { return }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM events)") == true {
                throw StoreError.unreadable(path: path, reason: "it holds events but is not a practice register; move it away to practise")
            }
            try db.execute(sql: "INSERT INTO practice (id, purpose) VALUES (1, ?)", arguments: [Self.practicePurpose])
        }
    }

    /// Deletes the practice register at `path` with its WAL files. Returns false when there was none.
    /// Refuses a file that is not a practice register, so a real register put there is never deleted.
    public static func discardPractice(at path: String) throws -> Bool {
        guard FileManager.default.fileExists(atPath: path) || RegisterFile.exists(path + "-wal") else { return false }
        if RegisterFile.exists(path) {
            let register = try Register(path: path, create: false)
            guard try register.isPractice() else {
                throw StoreError.unreadable(path: path, reason: "it is not a practice register, so it is not discarded")
            }
        }
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let file = path + suffix
            guard FileManager.default.fileExists(atPath: file) else { continue }
            do { try FileManager.default.removeItem(atPath: file) } catch {
                throw StoreError.unreadable(path: file, reason: "cannot delete it: \(error.localizedDescription)")
            }
        }
        return true
    }
}
