import Foundation
import Testing

/// Issue 10, item 10: a backup that runs out of space exits 73, names the backup (not the register) and leaves nothing.
@Suite("End to end: a backup that cannot be written")
struct BackupFailureTests {
    @Test("out of space (RLIMIT_FSIZE of 64 KiB on a 300 KB register): exit 73 naming the backup, no file, no -journal")
    func fullDisk() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.logIncident()
        try cli.ok(["update", id, "--note", "-"], stdin: String(repeating: "x", count: 100_000))
        let target = cli.folder + "/backup.sqlite"
        // `ulimit -f` makes writes past 64 KiB fail with EFBIG, as a full disk would; SIGXFSZ is ignored so the write fails instead.
        let result = try cli.run(["backup", target], shell: "trap '' XFSZ; ulimit -f 64")
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains(target) && !result.stderr.contains(cli.registerPath), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        for suffix in ["", "-journal", "-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: target + suffix), "\(suffix) left behind")
        }
        #expect(try cli.run(["verify"]).status == 0)
    }
}
