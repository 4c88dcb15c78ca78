#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one way this program writes files other than the register: owner-only, never through a symbolic or
/// hard link, never over a file unless asked, and never a torn file under its final name.
public enum SafeFile {
    /// A file or folder this program will not write, with the reason.
    public struct Refused: Error, Equatable, Sendable, CustomStringConvertible {
        public let path: String
        public let problem: String
        public init(path: String, problem: String) {
            self.path = path
            self.problem = problem
        }
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
        guard mkdir(path, 0o700) == 0 else { throw Refused(path: path, problem: "cannot be created: \(errorText())") }
    }

    /// Refuses a path that is already taken, without touching it (no open: a FIFO would block).
    public static func checkFree(_ path: String) throws {
        var info = stat()
        if lstat(path, &info) == 0 { throw Refused(path: path, problem: "already exists; pass --force to replace it") }
    }

    /// Refuses a path that `write` with `force` must not replace: anything but a plain file with one name.
    /// Checked with `lstat`, so a FIFO is refused without being opened.
    public static func checkReplaceable(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: throw Refused(path: path, problem: "is a symbolic link; exports never follow links")
        case S_IFREG: break
        default: throw Refused(path: path, problem: "is not a regular file")
        }
        guard info.st_nlink <= 1 else { throw Refused(path: path, problem: "has other hard links; exports never write through them") }
    }

    /// Writes one file. The text goes to a temporary name in the same folder first and takes its final name only
    /// when complete, so a killed process never leaves a torn file. With `sync` false the caller promises to call
    /// `syncFolder` once the batch is written: one filesystem sync instead of one per file.
    public static func write(_ text: String, to path: String, force: Bool, sync: Bool = true) throws {
        if force { try checkReplaceable(path) } else { try checkFree(path) }
        let temporary = temporaryName(for: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Refused(path: path, problem: "cannot be written: \(errorText())") }
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        do {
            defer { close(fd) }
            guard fchmod(fd, 0o600) == 0 else { throw Refused(path: path, problem: "cannot be prepared: \(errorText())") }
            var bytes = Array(text.utf8)[...]
            while !bytes.isEmpty {
                let written = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
                guard written > 0 else { throw Refused(path: path, problem: "write failed: \(errorText())") }
                bytes = bytes.dropFirst(written)
            }
            guard !sync || fsync(fd) == 0 else { throw Refused(path: path, problem: "could not be synced to disk") }
        }
        if force {
            guard rename(temporary, path) == 0 else { throw Refused(path: path, problem: "cannot be replaced: \(errorText())") }
        } else {
            // link(2) never replaces: a file that appeared meanwhile is refused, not overwritten.
            if link(temporary, path) == 0 {
                unlink(temporary)
            } else if errno == EEXIST {
                throw Refused(path: path, problem: "already exists; pass --force to replace it")
            } else if [EPERM, ENOTSUP, EOPNOTSUPP, EMLINK].contains(errno) {
                // A file system without hard links (FAT on a USB stick): check once more, then rename.
                try checkFree(path)
                guard rename(temporary, path) == 0 else { throw Refused(path: path, problem: "cannot be written: \(errorText())") }
            } else {
                throw Refused(path: path, problem: "cannot be written: \(errorText())")
            }
        }
        renamed = true
        if sync { try syncFolder(containing: path) }
    }

    /// Creates an empty file that must not exist yet, owner-only, not through a link.
    public static func createNew(_ path: String) throws {
        var info = stat()
        if lstat(path, &info) == 0 { throw Refused(path: path, problem: "already exists; backups never replace a file") }
        _ = try createEmpty(path)
    }

    /// Creates an empty owner-only file (0600 whatever the umask), synced, never through a link. Returns false,
    /// touching nothing, when the name was taken meanwhile (another process made it first).
    @discardableResult
    public static func createEmpty(_ path: String) throws -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { return false }
            throw Refused(path: path, problem: "cannot be created: \(errorText())")
        }
        defer { close(fd) }
        guard fchmod(fd, 0o600) == 0, fsync(fd) == 0 else { throw Refused(path: path, problem: "cannot be prepared: \(errorText())") }
        return true
    }

    /// Creates the missing folders on the way to `path`, each 0700 whatever the umask.
    public static func makeFolders(for path: String) throws {
        var components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        components.removeLast()
        var current = path.hasPrefix("/") ? "" : "."
        for component in components where !component.isEmpty {
            current += "/" + component
            var info = stat()
            if stat(current, &info) == 0 { continue }
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw Refused(path: path, problem: "cannot create folder \(current): \(errorText())")
            }
            chmod(current, 0o700)
        }
    }

    /// Removes a file this program wrote; used to take back a batch that failed part-way.
    public static func remove(_ path: String) { unlink(path) }

    /// fsync a file and the folder that names it, so both survive a power cut.
    public static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw Refused(path: path, problem: "cannot be opened to sync: \(errorText())") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw Refused(path: path, problem: "could not be synced to disk: \(errorText())") }
        try syncFolder(containing: path)
    }

    /// Makes a batch of files written with `sync: false` durable, and their names in the folder too.
    public static func syncFolder(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Refused(path: path, problem: "cannot be opened to sync: \(errorText())") }
        defer { close(fd) }
        #if os(Linux)
            guard linuxSyncfs(fd) == 0 else { throw Refused(path: path, problem: "could not be synced to disk") }
        #endif
        guard fsync(fd) == 0 else { throw Refused(path: path, problem: "could not be synced to disk") }
    }

    static func syncFolder(containing path: String) throws {
        let fd = open(folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Refused(path: path, problem: "its folder cannot be opened to sync: \(errorText())") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw Refused(path: path, problem: "its folder could not be synced to disk") }
    }

    /// The folder part of a path: `.` for a bare name, `/` for a file at the root.
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// A hidden name beside `path` that no other writer uses.
    private static func temporaryName(for path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let folder = folder(of: path)
        return (folder == "." && !path.hasPrefix("./") ? "" : folder + "/") + ".\(name).\(getpid()).tmp"
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
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
