#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import IncidentCore

/// Writes export files the safe way: owner-only, never through a symlink, never over a file unless forced.
public enum ExportFile {
    public struct Refused: Error, Equatable, Sendable, CustomStringConvertible {
        public let path: String
        public let problem: String
        public var description: String { "\(path): \(problem)" }
    }

    /// Makes the output folder (0700) if it is missing; refuses a folder that is a symlink.
    public static func prepareFolder(_ path: String) throws {
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK { throw Refused(path: path, problem: "is a symbolic link; give the real folder") }
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw Refused(path: path, problem: "is not a folder") }
            return
        }
        guard mkdir(path, 0o700) == 0 else { throw Refused(path: path, problem: "cannot be created: \(String(cString: strerror(errno)))") }
    }

    /// Makes a batch of files written with `sync: false` durable, and their names in the folder too.
    public static func syncFolder(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Refused(path: path, problem: "cannot be opened to sync: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        #if os(Linux)
        guard linuxSyncfs(fd) == 0 else { throw Refused(path: path, problem: "could not be synced to disk") }
        #endif
        guard fsync(fd) == 0 else { throw Refused(path: path, problem: "could not be synced to disk") }
    }

    /// Refuses a path that is already taken, without touching it.
    public static func checkFree(_ path: String) throws {
        var info = stat()
        if lstat(path, &info) == 0 { throw Refused(path: path, problem: "already exists; pass --force to replace it") }
    }

    /// Writes one file. With `sync` false the caller promises to call `syncFolder` once the batch is
    /// written: one filesystem sync instead of one per file (ten thousand fsyncs took minutes).
    public static func write(_ text: String, to path: String, force: Bool, sync: Bool = true) throws {
        // No O_TRUNC here: the file is emptied only after it is known to be a plain file with one name.
        let flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (force ? 0 : O_EXCL)
        let fd = open(path, flags, 0o600)
        guard fd >= 0 else {
            switch errno {
            case EEXIST: throw Refused(path: path, problem: "already exists; pass --force to replace it")
            case ELOOP: throw Refused(path: path, problem: "is a symbolic link; exports never follow links")
            default: throw Refused(path: path, problem: "cannot be written: \(String(cString: strerror(errno)))")
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw Refused(path: path, problem: "is not a regular file") }
        guard info.st_nlink <= 1 else { throw Refused(path: path, problem: "has other hard links; exports never write through them") }
        guard ftruncate(fd, 0) == 0, fchmod(fd, 0o600) == 0 else {
            throw Refused(path: path, problem: "cannot be prepared: \(String(cString: strerror(errno)))")
        }
        // A file cut short by a full disk must not be left looking like an export.
        var complete = false
        defer { if !complete { unlink(path) } }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { throw Refused(path: path, problem: "write failed: \(String(cString: strerror(errno)))") }
            bytes = bytes.dropFirst(written)
        }
        guard !sync || fsync(fd) == 0 else { throw Refused(path: path, problem: "could not be synced to disk") }
        complete = true
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

#if os(Linux)
/// syncfs(2): flush the whole filesystem holding `fd` once, instead of one fsync per exported file.
@_silgen_name("syncfs")
private func linuxSyncfs(_ fd: Int32) -> Int32
#endif
