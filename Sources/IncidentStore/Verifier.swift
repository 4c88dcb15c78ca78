import Foundation
import GRDB
import IncidentCore

/// What `verify` found.
public struct VerifyReport: Codable, Equatable, Sendable {
    public struct Problem: Codable, Equatable, Sendable {
        /// The event's position in the chain, when the problem belongs to one event.
        public var event: Int64?
        public var incident: String?
        public var reason: String
    }

    public var eventsChecked: Int
    public var eventsValid: Int
    public var incidentsReplayed: Int
    public var integrityCheck: String
    public var foreignKeyViolations: Int
    /// The last event's sequence number and hash: the head of the chain.
    public var headSequence: Int64
    public var headHash: String
    public var problems: [Problem]

    public var isClean: Bool { problems.isEmpty }
}

extension Register {
    /// Re-computes the hash chain, replays every event into fresh state and compares it with the
    /// projections, and runs SQLite's own `integrity_check` and `foreign_key_check`.
    public func verify() throws -> VerifyReport {
        try read { db in
            var verifier = Verifier(db: db)
            return try verifier.run()
        }
    }
}

/// One pass over the SQLite register: its schema and SQLite's own checks here, the chain and the replay in
/// `ChainReplay`, which the PostgreSQL backend shares. Streams events, so memory grows with incidents, not events.
struct Verifier {
    let db: Database
    private var replay = ChainReplay()

    init(db: Database) { self.db = db }

    mutating func run() throws -> VerifyReport {
        let tablesIntact = try compareSchema()
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        let integrityText = integrity == ["ok"] ? "ok" : integrity.joined(separator: "; ")
        if integrityText != "ok" { replay.report("integrity_check: \(integrityText)") }
        let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
        if foreignKeys > 0 { replay.report("foreign_key_check: \(foreignKeys) broken references") }

        guard tablesIntact else {
            // Reading rows of altered tables could fail in ways that prove nothing; the schema finding stands alone.
            let head = try? EventLog.head(in: db)
            return VerifyReport(eventsChecked: 0, eventsValid: 0, incidentsReplayed: 0, integrityCheck: integrityText,
                                foreignKeyViolations: foreignKeys, headSequence: head?.events ?? 0, headHash: head?.hash ?? "",
                                problems: replay.problems)
        }
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(EventLog.columns) FROM events ORDER BY seq")
        while let row = try cursor.next() {
            replay.add(EventLog.contentIndexed(row), storedHash: row[9])
        }
        let db = self.db
        replay.finish(comparingWith: ChainReplay.StoredState(
            incidents: Result { try Projection.all(in: db) },
            deadlines: Result {
                try Row.fetchAll(db, sql: "SELECT incident_id, customer, due_by FROM shares").map { row in
                    (incident: row["incident_id"] as String, customer: row["customer"] as String, dueBy: row["due_by"] as String)
                }
            },
            directory: Result { try DirectoryProjection.load(in: db) },
            notices: Result {
                var stored: [String: NoticeVersion] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT * FROM notices") {
                    let notice = try NoticesProjection.notice(row)
                    stored[NoticesProjection.key(row["incident_id"], notice.customer, notice.version)] = notice
                }
                return stored
            }))
        return replay.report(integrityCheck: integrityText, foreignKeyViolations: foreignKeys)
    }

    /// Compares tables, indexes and triggers with what the migrations create. Returns false when a table
    /// differs, because then no row of it can be trusted to read back; missing triggers are reported and
    /// the rest of the checks still run.
    private mutating func compareSchema() throws -> Bool {
        let reference = try DatabaseQueue()
        try Schema.migrator.migrate(reference)
        // `_` is a LIKE wildcard: escape it, or a trigger named grdbx_hidden would slip past.
        let objects = #"SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name <> 'grdb_migrations' ORDER BY name"#
        let expected = try reference.read { try Row.fetchAll($0, sql: objects) }
        let actual = try Row.fetchAll(db, sql: objects)
        var tablesIntact = true
        let expectedByName = Dictionary(uniqueKeysWithValues: expected.map { ($0["name"] as String, $0) })
        let actualByName = Dictionary(uniqueKeysWithValues: actual.map { ($0["name"] as String, $0) })
        for name in Set(expectedByName.keys).union(actualByName.keys).sorted() {
            let want = expectedByName[name], have = actualByName[name]
            guard want?["sql"] as String? != have?["sql"] as String? else { continue }
            let type: String = (want ?? have)!["type"]
            let change = want == nil ? "was added" : have == nil ? "was removed" : "was altered"
            replay.report("schema: \(type) \(name) \(change)")
            if type == "table" { tablesIntact = false }
        }
        return tablesIntact
    }
}
