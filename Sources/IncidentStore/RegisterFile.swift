#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creates the register file and its folders owner-only, whatever the umask, through `SafeFile`.
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
        do {
            try SafeFile.makeFolders(for: path)
            try SafeFile.createEmpty(path)
        } catch let refused as SafeFile.Refused {
            throw StoreError.unreadable(path: path, reason: refused.problem)
        }
    }
}
