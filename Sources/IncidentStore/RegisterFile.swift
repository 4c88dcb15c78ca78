#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates the register file and its folders owner-only, whatever the umask.
///
/// SQLite gives the `-wal` and `-shm` files the mode of the main file, so making the main file 0600
/// before SQLite first opens it is what keeps all three private.
enum RegisterFile {
    /// True when a register file with content is there; an empty file is what a crashed first write leaves.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_size > 0
    }

    /// Makes sure a register file exists at `path`, creating missing folders (0700) and the file (0600).
    static func create(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw StoreError.unreadable(path: path, reason: "it is not a regular file")
            }
            return
        }
        try makeFolders(for: path)
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
        if fd < 0 {
            if errno == EEXIST { return } // another process created it first: fine
            throw StoreError.unreadable(path: path, reason: "cannot create it: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        guard fchmod(fd, 0o600) == 0, fsync(fd) == 0 else {
            throw StoreError.unreadable(path: path, reason: "cannot set it up: \(String(cString: strerror(errno)))")
        }
    }

    private static func makeFolders(for path: String) throws {
        var components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        components.removeLast()
        var current = path.hasPrefix("/") ? "" : "."
        for component in components where !component.isEmpty {
            current += "/" + component
            var info = stat()
            if stat(current, &info) == 0 { continue }
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw StoreError.unreadable(path: path, reason: "cannot create folder \(current): \(String(cString: strerror(errno)))")
            }
            chmod(current, 0o700)
        }
    }
}
