import Foundation
import GRDB
import IncidentCore

/// The identity of the WAL index file, taken once, checked before each commit.
struct SharedMemoryFile: Sendable {
    let path: String
    let identity: (dev: UInt64, ino: UInt64)?

    init(_ path: String) {
        self.path = path
        identity = Self.identity(of: path)
    }

    /// True when the file is still the one first seen (or there was none to watch).
    var isUnchanged: Bool {
        guard let identity else { return true }
        guard let now = Self.identity(of: path) else { return false }
        return now == identity
    }

    static func identity(of path: String) -> (dev: UInt64, ino: UInt64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino))
    }
}
