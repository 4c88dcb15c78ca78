import Foundation
import GRDB

/// What can go wrong with the register file itself, as opposed to the data put into it.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No register at the path and the command only reads.
    case missing(path: String)
    /// Another writer held the register longer than the busy timeout.
    case busy(path: String, seconds: Double)
    /// The file cannot be opened, read or written, or is not an incident register.
    case unreadable(path: String, reason: String)
    /// Other writers kept changing the register while a batch was being prepared outside the lock.
    case contended(path: String, attempts: Int)
    /// No incident with that id.
    case notFound(id: String)
    /// No path for the register could be worked out from flags and environment.
    case noLocation(reason: String)
    /// A file the register writes (a backup) cannot be created.
    case unwritable(path: String, reason: String)
    /// A stored value cannot be read back: the file was altered outside this program.
    case damaged(reason: String)
    /// SQLite refused something the code should never have asked for.
    case internalFailure(reason: String)
    /// The computer's clock is behind the register's last recorded event.
    case clockBehind(now: String, last: String)
    /// A SQLite register on a network or FUSE file system, where SQLite's locking is not safe.
    case networkFileSystem(path: String, kind: String)

    public var description: String {
        switch self {
        case .missing(let path):
            "register: no register at \(path)"
        case .busy(let path, let seconds):
            "register: \(path) stayed locked by another writer for \(Self.format(seconds)) s; nothing was written, run the command again"
        case .unreadable(let path, let reason):
            "register: cannot use \(path): \(reason)"
        case .contended(let path, let attempts):
            "register: \(path) changed under this command \(attempts) times while it prepared its batch; nothing was written, run the command again"
        case .notFound(let id):
            "no incident \(id) in this register"
        case .noLocation(let reason):
            "register: \(reason)"
        case .unwritable(let path, let reason):
            "\(path): \(reason)"
        case .damaged(let reason):
            "register: stored data is damaged (\(reason))"
        case .internalFailure(let reason):
            "internal error: \(reason)"
        case .clockBehind(let now, let last):
            "clock: the computer's clock says \(now) but the register's last event was recorded at \(last); events are recorded in time order, so fix the clock and run the command again (nothing was written)"
        case .networkFileSystem(let path, let kind):
            "register: \(path) is on a network file system (\(kind)), where SQLite's locks are unsafe; keep a shared register on PostgreSQL (docs/team-setup.md), or pass --allow-network-fs if only one machine ever opens it"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    /// Turns an SQLite failure into the register error a person can act on.
    static func from(_ error: DatabaseError, path: String, busyTimeout: Double) -> StoreError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy(path: path, seconds: busyTimeout)
        case .SQLITE_NOTADB:
            return .unreadable(path: path, reason: "it is not an SQLite database")
        case .SQLITE_CORRUPT:
            return .unreadable(path: path, reason: "the database file is corrupt; restore it from a backup")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH, .SQLITE_READONLY:
            // SQLite keeps its -wal and -shm files beside the register, so a read-only folder stops it as surely as
            // a read-only file; say which one it is.
            let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
            if access(path, F_OK) == 0, access(path, W_OK) == 0, access(folder, W_OK) != 0 {
                return .unreadable(
                    path: path,
                    reason:
                        "its folder \(folder) is read-only for this user, and SQLite must create the register's -wal and -shm files there")
            }
            if error.resultCode == .SQLITE_READONLY || (access(path, F_OK) == 0 && access(path, W_OK) != 0) {
                return .unreadable(path: path, reason: "it is read-only for this user")
            }
            return .unreadable(path: path, reason: "it cannot be opened (check the path and its permissions)")
        case .SQLITE_IOERR, .SQLITE_FULL:
            return .unreadable(path: path, reason: "input/output error (\(error.message ?? "disk problem"))")
        default:
            return .internalFailure(reason: error.message ?? "\(error.resultCode)")
        }
    }
}
