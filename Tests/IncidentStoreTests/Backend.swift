import Foundation
import GRDB
import IncidentCore
import Testing

@testable import IncidentStore

/// The two backends every behaviour test of the store runs against.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// The test server's URL, or the current test case is cancelled as skipped.
    static func requireServer() throws -> PostgresURL {
        guard let url = postgresURL else {
            _ = skipNotice
            try Test.cancel("skipped: PostgreSQL case needs INCIDENT_TEST_POSTGRES_URL (a server where tests may create databases)")
        }
        return url
    }

    /// Said once per run, on stderr, so a run without a server shows that the PostgreSQL cases did not run.
    static let skipNotice: Void = {
        FileHandle.standardError.write(
            Data("note: PostgreSQL cases of the store suite skipped: INCIDENT_TEST_POSTGRES_URL is not set\n".utf8))
    }()

    /// A server where tests may create databases (`CREATE DATABASE`, `DROP DATABASE`), e.g. CI's throwaway one.
    static let postgresURL: PostgresURL? = ProcessInfo.processInfo.environment["INCIDENT_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : try? PostgresURL(parsing: $0, field: "INCIDENT_TEST_POSTGRES_URL")
    }
}

/// A fresh, empty register on one backend: a SQLite file in a new folder, or a new PostgreSQL database.
/// On PostgreSQL without `INCIDENT_TEST_POSTGRES_URL` the test case is skipped, and says so.
final class BackendFixture: @unchecked Sendable {
    let backend: Backend
    /// The register's location as the CLI takes it: a path or a URL (with its password).
    let location: String
    private let sqlite: StoreFixture?
    private let database: String?

    init(_ backend: Backend) throws {
        self.backend = backend
        switch backend {
        case .sqlite:
            let fixture = try StoreFixture()
            sqlite = fixture
            database = nil
            location = fixture.path
        case .postgres:
            let admin = try Backend.requireServer()
            let name = "incident_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let session = try PostgresSession.connect(admin)
            try session.query("CREATE DATABASE \(name)")
            session.close()
            sqlite = nil
            database = name
            location = Self.text(of: admin.with(database: name))
        }
    }

    /// Creates the schema (PostgreSQL) or the file (SQLite) and opens the register.
    func open() throws -> any RegisterStore {
        try RegisterOpener.initialise(location, field: "test")
    }

    /// The URL with its password, as a person would type it.
    static func text(of url: PostgresURL) -> String {
        let password = url.password.map { ":" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) } ?? ""
        return "postgres://\(url.user)\(password)@\(url.host):\(url.port)/\(url.database)?sslmode=\(url.sslMode.rawValue)"
    }

    /// Runs raw SQL with the append-only guards switched off: what someone with a SQLite shell on the file, or a
    /// PostgreSQL superuser, can do.
    func tamper(_ sql: String) throws {
        switch backend {
        case .sqlite:
            try sqlite!.tamper(sql)
        case .postgres:
            let session = try PostgresSession.connect(try PostgresURL(parsing: location, field: "test"))
            defer { session.close() }
            try session.script("SET session_replication_role = replica; \(sql)")
        }
    }

    /// Runs SQL as the register's ordinary writer would, guards on; throws what the database throws.
    func execute(_ sql: String) throws {
        switch backend {
        case .sqlite:
            let queue = try DatabaseQueue(path: location)
            try queue.write { try $0.execute(sql: sql) }
        case .postgres:
            let session = try PostgresSession.connect(try PostgresURL(parsing: location, field: "test"))
            defer { session.close() }
            try session.script(sql)
        }
    }

    func remove() {
        switch backend {
        case .sqlite:
            sqlite?.remove()
        case .postgres:
            guard let admin = Backend.postgresURL, let database, let session = try? PostgresSession.connect(admin) else { return }
            _ = try? session.query("DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
            session.close()
        }
    }

    func context(_ actor: String = "alice", offset: Int64 = 0) -> Context {
        Context(actor: actor, now: StoreFixture.now.adding(seconds: offset))
    }

    /// Logs an incident and walks it through `steps` phases, with an action in each.
    @discardableResult
    func incident(in register: any RegisterStore, steps: Int = 5, aware: Timestamp = StoreFixture.now.adding(seconds: -7200)) throws
        -> IncidentID
    {
        let body = Logged(
            title: "Transcripts exposed", nature: "Bucket left public at a subprocessor", severity: .high, awareAt: aware,
            source: "Twilio, Inc.", dataCategories: ["chat-transcripts"], subjectCategories: ["end-users"], records: 10)
        let id = try register.log(body, context: context()).id
        for step in 0..<steps {
            _ = try register.record(id) { current in
                var update = Updated()
                update.action = ActionTaken(text: "action \(step)", kind: current.phase.defaultActionKind, phase: current.phase)
                update.records = Change(from: current.records, to: (current.records ?? 0) + 1)
                return try Workflow.update(current, with: update, context: self.context("bob"))
            }
            _ = try register.record(id) { current in
                current.phase == .restore
                    ? try Workflow.close(current, summary: "done", context: self.context())
                    : try Workflow.advance(current, note: "next", context: self.context())
            }
        }
        return id
    }
}
