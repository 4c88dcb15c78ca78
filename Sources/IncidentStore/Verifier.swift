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

/// One pass over the SQLite register: its schema, SQLite's own checks and the `*_seq` positions here, the chain
/// and the replay in `ChainReplay`, which the PostgreSQL backend shares. Streams events, so memory grows with
/// incidents, not events.
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
            return VerifyReport(
                eventsChecked: 0, eventsValid: 0, incidentsReplayed: 0, integrityCheck: integrityText,
                foreignKeyViolations: foreignKeys, headSequence: head?.events ?? 0, headHash: head?.hash ?? "",
                problems: replay.problems)
        }
        let db = self.db
        let deadlines = {
            try Row.fetchAll(db, sql: "SELECT incident_id, customer, due_by FROM shares").map { row in
                let r = SharesProjection.stored(row)
                return (
                    incident: try r("incident_id", as: String.self), customer: try r("customer", as: String.self),
                    dueBy: try r("due_by", as: String.self)
                )
            }
        }
        replay.compareAsYouGo(
            ChainReplay.StoredIncidents.read(
                index: {
                    try Row.fetchAll(db, sql: "SELECT id, last_seq FROM incidents").map { row in
                        let r = Projection.incidentRow(row)
                        return (id: try r("id"), lastSeq: try r("last_seq"))
                    }
                },
                deadlines: deadlines, load: { try Projection.incident($0, in: db) }))
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(EventLog.columns) FROM events ORDER BY seq")
        while let row = try cursor.next() {
            do {
                replay.add(try EventLog.contentIndexed(row), storedHash: try EventLog.stored(row).at(9, "hash"))
            } catch {
                // A row with a value of the wrong storage class is reported in its place, and the walk goes on.
                let seq: Int64? = if case .int64(let n) = (row[0] as DatabaseValue).storage { n } else { nil }
                replay.addUnreadable(
                    seq: seq, storedHash: (row[9] as DatabaseValue?).flatMap(SchemaCheck.text),
                    reason: ChainReplay.reason(error))
            }
        }
        replay.finish(
            comparingWith: ChainReplay.StoredState(
                incidents: { Result { try Projection.all(in: db) } },
                deadlines: Result { try deadlines() },
                directory: Result { try DirectoryProjection.load(in: db) },
                notices: Result {
                    var stored: [String: NoticeVersion] = [:]
                    for row in try Row.fetchAll(db, sql: "SELECT * FROM notices") {
                        let notice = try NoticesProjection.notice(row)
                        stored[NoticesProjection.key(try NoticesProjection.stored(row)("incident_id"), notice.customer, notice.version)] =
                            notice
                    }
                    return stored
                }))
        comparePositions()
        return replay.report(integrityCheck: integrityText, foreignKeyViolations: foreignKeys)
    }

    /// Compares every row of `sqlite_schema` (tables, indexes, triggers, views, whatever their name) and the
    /// recorded migrations with what the migrations create. Returns false when a table differs, because then
    /// no row of it can be trusted to read back; other differences are reported and the checks still run.
    private mutating func compareSchema() throws -> Bool {
        let reference = try SchemaCheck.reference.get()
        let (lines, tables) = SchemaCheck.differences(try SchemaCheck.objects(in: db), reference.objects)
        for line in lines { replay.report("schema: \(line)") }
        let (unknown, missing) = SchemaCheck.migrationDifferences(try SchemaCheck.migrations(in: db), reference.migrations)
        for name in unknown {
            replay.report("schema: migration \(name) is unknown to this version of incident (a newer version, or a change by hand)")
        }
        for name in missing {
            replay.report("schema: migration \(name) is not recorded in grdb_migrations")
        }
        return !tables
    }

    /// The columns no `Incident`, `Customer` or notice value carries: an incident's `year` and `number` (which
    /// number the next incident) and every `*_seq` pointer into the chain.
    private mutating func comparePositions() {
        let (lastSeq, addedSeq, setSeq, draftedSeq) = (
            replay.positions.lastSeq, replay.positions.addedSeq, replay.positions.setSeq,
            replay.positions.draftedSeq
        )
        var problems: [VerifyReport.Problem] = []
        defer { for problem in problems { replay.add(problem) } }
        func check(_ what: String, _ body: () throws -> Void) {
            do { try body() } catch {
                problems.append(.init(event: nil, incident: nil, reason: "\(what) cannot be read: \(ChainReplay.reason(error))"))
            }
        }
        check("incidents") {
            for row in try Row.fetchAll(db, sql: "SELECT id, year, number, last_seq FROM incidents") {
                let r = Projection.incidentRow(row)
                let id = try Stored.id(r("id"))
                var wrong: [String] = []
                if try r("year", as: Int.self) != id.year { wrong.append("year") }
                if try r("number", as: Int.self) != id.number { wrong.append("number") }
                if let expected = lastSeq[id], try r("last_seq", as: Int64.self) != expected { wrong.append("last_seq") }
                if !wrong.isEmpty {
                    problems.append(
                        .init(
                            event: nil, incident: id.description,
                            reason: "projection differs from the replayed events in: \(wrong.joined(separator: ", "))"))
                }
            }
        }
        check("customers") {
            for row in try Row.fetchAll(db, sql: "SELECT slug, added_seq FROM customers") {
                let r = StoredRow(row, table: "customers", keys: ["slug"])
                let slug: String = try r("slug")
                if let expected = addedSeq[slug], try r("added_seq", as: Int64.self) != expected {
                    problems.append(
                        .init(event: nil, incident: nil, reason: "customer \(slug) differs from the replayed events in: added_seq"))
                }
            }
        }
        check("subprocessors") {
            for row in try Row.fetchAll(db, sql: "SELECT slug, added_seq FROM subprocessors") {
                let r = StoredRow(row, table: "subprocessors", keys: ["slug"])
                let slug: String = try r("slug")
                if let expected = replay.positions.subprocessorSeq[slug], try r("added_seq", as: Int64.self) != expected {
                    problems.append(
                        .init(event: nil, incident: nil, reason: "subprocessor \(slug) differs from the replayed events in: added_seq"))
                }
            }
        }
        check("organisation") {
            for row in try Row.fetchAll(db, sql: "SELECT id, set_seq FROM organisation") {
                if let setSeq, try StoredRow(row, table: "organisation", keys: ["id"])("set_seq", as: Int64.self) != setSeq {
                    problems.append(
                        .init(event: nil, incident: nil, reason: "organisation details differ from the replayed events in: set_seq"))
                }
            }
        }
        check("notices") {
            for row in try Row.fetchAll(db, sql: "SELECT incident_id, customer, version, drafted_seq FROM notices") {
                let r = NoticesProjection.stored(row)
                let key = NoticesProjection.key(try r("incident_id"), try r("customer"), try r("version"))
                if let expected = draftedSeq[key], try r("drafted_seq", as: Int64.self) != expected {
                    problems.append(
                        .init(
                            event: nil, incident: String(key.split(separator: "/")[0]),
                            reason: "notice \(key) differs from the replayed events in: drafted_seq"))
                }
            }
        }
    }
}
