import Foundation
import Testing

/// A fresh PostgreSQL database for one test, created and dropped with `psql` on the server named by
/// `INCIDENT_TEST_POSTGRES_URL`. Without that variable the tests are skipped, and say so.
struct PostgresDatabase {
    static let adminURL = ProcessInfo.processInfo.environment["INCIDENT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    let name: String
    let url: String

    /// Said once per run, on stderr, so a run without a server shows that these tests did not run.
    static let skipNotice: Void = {
        FileHandle.standardError.write(Data("note: PostgreSQL end-to-end tests skipped: INCIDENT_TEST_POSTGRES_URL is not set\n".utf8))
    }()

    /// Creates the database (and, with `initialise`, the register in it) and points `cli` at it.
    init(cli: inout CLI, initialise: Bool = true) throws {
        guard let admin = Self.adminURL else {
            _ = Self.skipNotice
            try Test.cancel("skipped: PostgreSQL end-to-end test needs INCIDENT_TEST_POSTGRES_URL")
        }
        name = "incident_e2e_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try Self.psql(admin, "CREATE DATABASE \(name)")
        url = Self.replacingDatabase(of: admin, with: name)
        cli.environment["INCIDENT_DB"] = url
        if initialise { try cli.ok(["db", "init"]) }
    }

    func drop() {
        if let admin = Self.adminURL { _ = try? Self.psql(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    }

    /// Runs SQL as the URL's user (the test server's superuser).
    @discardableResult
    static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "-Atq", "-d", url, "-c", sql]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PsqlFailure(message: String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct PsqlFailure: Error { var message: String }

    /// The same URL with another database name (the path), keeping user, password, host, port and query.
    static func replacingDatabase(of url: String, with database: String) -> String {
        var parts = URLComponents(string: url)!
        parts.path = "/" + database
        return parts.string!
    }
}

@Suite("End to end on PostgreSQL: the same binary, a server instead of a file")
struct PostgresEndToEndTests {
    @Test("the whole lifecycle with notices; verify, checkpoint and a backup into SQLite that verifies too")
    func lifecycle() throws {
        var cli = try CLI()
        defer { cli.remove() }
        let database = try PostgresDatabase(cli: &cli)
        defer { database.drop() }
        try cli.ok(["org", "set", "--name", "Example Processor Ltd", "--email", "security@processor.example"])
        try cli.ok(["customer", "add", "acme-gmbh", "--name", "Acme GmbH", "--email", "dpo@acme.example", "--notice-hours", "24"])
        try cli.ok(["customer", "add", "globex", "--name", "Globex Corporation", "--email", "privacy@globex.example"])
        let id = try cli.logIncident()
        #expect(id == "INC-2026-0001")
        try cli.ok(["affect", id, "--customer", "acme-gmbh", "--records", "1200"])
        try cli.ok(["affect", id, "--customer", "globex", "--data-category", "call-metadata", "--records", "40"])
        try cli.ok(["notice", "draft", id, "--all"])
        let out = cli.folder + "/out"
        try cli.ok(["notice", "export", id, "--all", "--format", "eml", "--out", out])
        #expect(FileManager.default.fileExists(atPath: out + "/\(id)-acme-gmbh-v1-initial.eml"))
        try cli.ok(["notice", "sent", id, "--customer", "acme-gmbh", "--via", "email"])
        // The register export reads each customer's last notice sent from the server: Acme is owed its promised update.
        let owed = try Python.run(
            "import csv, sys; print(' '.join(r['customer'] + '=' + r['next_notice_owed'] for r in csv.DictReader(sys.stdin)))",
            stdin: try cli.ok(["register", "--format", "csv"]))
        #expect(owed.trimmingCharacters(in: .newlines) == "acme-gmbh=update globex=first-notice")
        // `due` reads the same state from the server (the incident and each customer's last notice sent).
        // (It exits 1 when something is already late, as it may be here: the incident was logged a while ago.)
        let dueRun = try cli.run(["due", "--json"])
        let due = try #require(try JSONSerialization.jsonObject(with: Data(dueRun.stdout.utf8)) as? [[String: Any]])
        #expect(due.map { "\($0["customer"] ?? "")=\($0["owed"] ?? "")" }.sorted() == ["acme-gmbh=update", "globex=first-notice"])
        try cli.ok(["advance", id, "--note", "scope known"])
        for phase in ["contain", "mitigate", "remediate", "restore"] {
            try cli.ok(["update", id, "--action", "work in \(phase)"])
            if phase == "restore" {
                try cli.ok(["close", id, "--summary", "Locked down and restored"])
            } else {
                try cli.ok(["advance", id, "--note", "\(phase) done"])
            }
        }
        try cli.ok(["notice", "draft", id, "--all"])
        let list = try #require(try cli.json(["notice", "list", id]) as? [[String: Any]])
        #expect(list.count == 2)
        #expect(try cli.ok(["list", "--closed"]).contains(id))
        #expect(try cli.ok(["timeline", id]).contains("notice-sent"))
        #expect(try cli.ok(["show", id]).contains("closed"))
        try cli.ok(["register", "--format", "csv", "--out", cli.folder + "/register.csv"])

        let verify = try cli.run(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let checkpoint = try cli.ok(["checkpoint"])
        #expect(verify.stdout.contains("head: \(checkpoint.replacingOccurrences(of: ":", with: " "))"))
        try cli.ok(["verify", "--checkpoint", checkpoint])
        let backup = cli.folder + "/backup.sqlite"
        #expect(try cli.ok(["backup", backup]).contains(checkpoint))
        let offline = try cli.run(["verify"], environment: ["INCIDENT_DB": backup])
        #expect(offline.status == 0)
        #expect(try cli.run(["checkpoint"], environment: ["INCIDENT_DB": backup]).stdout.trimmingCharacters(in: .newlines) == checkpoint)
        // The database records which role wrote each event.
        #expect(try PostgresDatabase.psql(database.url, "SELECT DISTINCT written_by FROM events") == "postgres")
    }

    @Test("16 processes × 25 updates at once: 400 recorded, no failure, the chain intact")
    func manyWriters() throws {
        var cli = try CLI()
        defer { cli.remove() }
        let database = try PostgresDatabase(cli: &cli)
        defer { database.drop() }
        let id = try cli.logIncident()
        let processes = (0..<16).map { writer -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [
                "-c",
                """
                failures=0
                for i in $(seq 1 25); do "$0" update \(id) --note "writer \(writer) update $i" >/dev/null 2>>"$1" || failures=$((failures+1)); done
                exit $failures
                """, CLI.binary, cli.folder + "/writer-\(writer).err",
            ]
            process.environment = cli.environment.merging(["INCIDENT_ACTOR": "writer-\(writer)"]) { $1 }
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        let failures = processes.map(\.terminationStatus).reduce(0, +)
        #expect(failures == 0, "failed updates: \(failures)")
        let shown = try #require(try cli.json(["show", id]) as? [String: Any])
        #expect(shown["eventCount"] as? Int == 401)
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.hasPrefix("401 events checked, 401 valid"))
    }

    @Test("a superuser who edits a stored event with the triggers switched off is caught by verify")
    func superuserTamper() throws {
        var cli = try CLI()
        defer { cli.remove() }
        let database = try PostgresDatabase(cli: &cli)
        defer { database.drop() }
        let id = try cli.logIncident()
        try cli.ok(["update", id, "--note", "first look"])
        try cli.ok(["update", id, "--note", "second look"])
        #expect(throws: PostgresDatabase.PsqlFailure.self) {
            try PostgresDatabase.psql(database.url, "UPDATE events SET actor = 'mallory' WHERE seq = 2")
        }
        try PostgresDatabase.psql(
            database.url, "ALTER TABLE events DISABLE TRIGGER USER; UPDATE events SET actor = 'mallory' WHERE seq = 2")
        let verify = try cli.run(["verify"])
        #expect(verify.status == 68)
        #expect(verify.stdout.contains("INVALID: event 2 \(id) hash does not match its content"))
        #expect(verify.stdout.contains("trigger events_refuse_update is disabled"))
        #expect(verify.stderr.split(separator: "\n").count == 1)
    }

    @Test("a SQLite register copied to PostgreSQL keeps its checkpoint; the copy refuses a database with events")
    func copyIn() throws {
        var cli = try CLI()
        defer { cli.remove() }
        let solo = cli.registerPath
        let id = try cli.logIncident()
        try cli.ok(["customer", "add", "acme-gmbh", "--name", "Acme GmbH", "--email", "dpo@acme.example"])
        try cli.ok(["affect", id, "--customer", "acme-gmbh", "--records", "10"])
        try cli.ok(["notice", "draft", id, "--all"])
        let checkpoint = try cli.ok(["checkpoint"])
        let database = try PostgresDatabase(cli: &cli)
        defer { database.drop() }
        let copied = try cli.ok(["db", "copy", solo, database.url])
        #expect(copied.contains("checkpoint \(checkpoint)"))
        #expect(!copied.contains(":ci-") && !copied.contains("password"))
        #expect(try cli.ok(["checkpoint"]) == checkpoint)
        try cli.ok(["verify"])
        #expect(try cli.ok(["show", id]).contains("Transcripts exposed"))
        let again = try cli.run(["db", "copy", solo, database.url])
        #expect(again.status == 73)
        #expect(again.stderr.contains("already holds"))
        // And back: a snapshot an auditor can open without a server.
        let snapshot = cli.folder + "/snapshot.sqlite"
        try cli.ok(["db", "copy", database.url, snapshot])
        #expect(try cli.run(["checkpoint"], environment: ["INCIDENT_DB": snapshot]).stdout.trimmingCharacters(in: .newlines) == checkpoint)
    }

    @Test(
        "bad URLs, a wrong password, a missing database or register, a newer schema, an unreachable server: one line each, never the password"
    )
    func failures() throws {
        var cli = try CLI()
        defer { cli.remove() }
        let database = try PostgresDatabase(cli: &cli, initialise: false)
        defer { database.drop() }
        let parts = URLComponents(string: database.url)!
        let secret = "Wr0ng-S3cret-\(UUID().uuidString.prefix(8))"
        func expectOneLine(_ url: String, _ status: Int32, _ words: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let result = try cli.run(["list"], environment: ["INCIDENT_DB": url])
            #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
            #expect(
                result.stderr.hasPrefix("error: ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)",
                sourceLocation: sourceLocation)
            #expect(result.stderr.contains(words), "\(result.stderr)", sourceLocation: sourceLocation)
            #expect(!result.stderr.contains(secret) && !result.stdout.contains(secret), sourceLocation: sourceLocation)
            if let real = URLComponents(string: database.url)?.password, !real.isEmpty {
                #expect(!result.stderr.contains(real), "the real password leaked", sourceLocation: sourceLocation)
            }
        }
        try expectOneLine(database.url, 66, "run `incident db init`")
        try expectOneLine("postgres://u:\(secret)@/db", 78, "no host")
        try expectOneLine("postgres://u:\(secret)@localhost:99999/db", 78, "INCIDENT_DB")
        try expectOneLine("postgres://u:\(secret)@localhost/", 78, "no single database")
        try expectOneLine("postgres://u:\(secret)@localhost/db?sslmode=maybe", 78, "sslmode")
        try expectOneLine("postgres://u:\(secret)@[::1/db", 78, "not a PostgreSQL URL")
        var wrong = parts
        wrong.password = secret
        try expectOneLine(wrong.string!, 78, "refused user")
        var missing = parts
        missing.path = "/no_such_database_here"
        try expectOneLine(missing.string!, 66, "does not exist")
        var closed = parts
        closed.port = Self.closedPort()
        closed.password = secret
        try expectOneLine(closed.string!, 75, "cannot reach")
        try cli.ok(["db", "init"])
        try cli.ok(["db", "init"])
        try PostgresDatabase.psql(database.url, "INSERT INTO incident_migrations (name) VALUES ('2099-01-01-from-the-future')")
        try expectOneLine(database.url, 74, "newer version")
    }

    /// A loopback port nothing listens on: bound, then released.
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
