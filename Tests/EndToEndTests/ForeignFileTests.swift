import Foundation
import GRDB
import Testing

/// Issue 10, classes 5 and 6 and the deleted migrations row, through the binary.
@Suite("End to end: other applications' files and newer registers")
struct ForeignFileTests {
    @Test(
        "log and list on another application's SQLite file exit 74 and leave it byte for byte, still in rollback mode",
        arguments: ["CREATE TABLE contacts (id INTEGER PRIMARY KEY)", "CREATE TABLE events (x)", "CREATE VIEW v AS SELECT 1"])
    func foreign(setup: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        try DatabaseQueue(path: cli.registerPath).writeWithoutTransaction { try $0.execute(sql: setup) }
        let before = cli.registerBytes()
        for arguments in [["log", "--title", "t", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z"], ["list"], ["verify"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 74, "\(arguments[0]): \(result.stderr)")
            #expect(result.stderr.contains("not an incident register"))
        }
        #expect(cli.registerBytes() == before)
    }

    @Test("a register with a newer version's migration refuses writes with exit 74 naming it; list still works")
    func newer() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.logIncident()
        try DatabaseQueue(path: cli.registerPath).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('2099-01-01-future')") }
        let before = cli.registerBytes()
        let result = try cli.run(["update", id, "--note", "n"])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("newer version") && result.stderr.contains("2099-01-01-future"), "\(result.stderr)")
        #expect(cli.registerBytes() == before)
        #expect(try cli.run(["list"]).status == 0)
    }

    @Test("a deleted migrations row gives 68 naming grdb_migrations, not 70")
    func deletedMigrationRow() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try cli.logIncident()
        try DatabaseQueue(path: cli.registerPath).write {
            try $0.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = '2026-11-23-notices'")
        }
        for arguments in [["list"], ["verify"], ["log", "--title", "t", "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 68, "\(arguments[0]): \(result.stderr)")
            #expect(result.stderr.contains("grdb_migrations") && result.stderr.split(separator: "\n").count == 1)
        }
    }
}
