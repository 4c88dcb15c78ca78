#if canImport(Glibc)
    import Glibc
#endif

/// Tells whether a path is on a network or FUSE file system, where SQLite's locks and WAL are not safe
/// (SQLite's own documentation: locks "operate incorrectly" on NFS, WAL "does not work over a network filesystem").
public enum NetworkFileSystem {
    /// `statfs` magic numbers (linux/magic.h and the file systems' own sources) of file systems that are remote,
    /// or FUSE, which is how sshfs, rclone and most user-space network mounts appear.
    static let kinds: [Int: String] = [
        0x6969: "NFS", 0x517B: "SMB", 0xFF53_4D42: "CIFS", 0xFE53_4D42: "SMB2", 0x6573_5546: "FUSE (sshfs or similar)",
        0x0102_1997: "9P", 0x5346_414F: "AFS", 0x6B41_4653: "AFS", 0x00C3_6400: "CephFS", 0x7375_7245: "Coda",
        0x564C: "NCP", 0x0116_1970: "GFS2", 0x0BD0_0BD0: "Lustre",
    ]

    /// The name of the network file system holding `path` (or its nearest existing folder), nil when it is local.
    public static func kind(of path: String) -> String? {
        #if os(Linux)
            var candidate = path
            while true {
                if let magic = fileSystemMagic(candidate) { return name(ofMagic: magic) }
                guard let slash = candidate.lastIndex(of: "/") else {
                    candidate = "."
                    continue
                }
                if candidate == "." || candidate == "/" { return nil }
                candidate = slash == candidate.startIndex ? "/" : String(candidate[..<slash])
            }
        #else
            return nil
        #endif
    }

    static func name(ofMagic magic: Int) -> String? {
        kinds[magic & 0xFFFF_FFFF]
    }

    #if os(Linux)
        /// `statfs(2)`'s `f_type`: the first field of `struct statfs` (a `long`) on every 64-bit Linux ABI. The
        /// Glibc module does not export `<sys/vfs.h>`, so the call is declared here; the buffer is larger than the struct.
        private static func fileSystemMagic(_ path: String) -> Int? {
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16)
            defer { buffer.deallocate() }
            buffer.initializeMemory(as: UInt8.self, repeating: 0, count: 512)
            guard linuxStatfs(path, buffer) == 0 else { return nil }
            return buffer.load(as: Int.self)
        }
    #endif
}

#if os(Linux)
    @_silgen_name("statfs")
    private func linuxStatfs(_ path: UnsafePointer<CChar>, _ buffer: UnsafeMutableRawPointer) -> Int32
#endif
