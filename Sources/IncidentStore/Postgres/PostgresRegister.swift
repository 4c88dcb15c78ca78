import Foundation
import IncidentCore
import PostgresNIO

/// The PostgreSQL backend of the register, for a team: the same events, chain and projections as the SQLite
/// file, on a server many people write to at once.
///
/// Every write transaction first locks the one-row `chain_head` (`SELECT … FOR UPDATE`), then reads the head and
/// the state it decides from, so two writers never extend the same head; `UNIQUE` on the sequence and on the
/// previous hash, and a trigger that checks each new event against the head, guard behind that lock. A
/// serialisation failure or deadlock retries the whole transaction a bounded number of times, then fails closed.
public final class PostgresRegister: RegisterStore, @unchecked Sendable {
    public let url: PostgresURL
    let session: PostgresSession
    /// One transaction at a time on the one connection.
    let lock = NSLock()

    /// Opens an existing register; a database without one, or with a newer schema, is refused. A writer waits
    /// at most `busyTimeout` seconds for the chain head's lock, then gives up with nothing written (exit 75).
    public init(url: PostgresURL, busyTimeout: Double = Register.defaultBusyTimeout) throws {
        self.url = url
        session = try PostgresSession.connect(url)
        try session.query("SET lock_timeout = \(max(1, Int((busyTimeout * 1000).rounded())))")  // 0 would mean no limit
        try checkSchema()
    }

    private init(url: PostgresURL, session: PostgresSession) {
        self.url = url
        self.session = session
    }

    /// Creates the register's schema, or applies the migrations it lacks: what `incident db init` runs. Idempotent;
    /// several at once apply each migration once (an advisory lock serialises them).
    public static func initialise(url: PostgresURL) throws -> PostgresRegister {
        let register = PostgresRegister(url: url, session: try PostgresSession.connect(url))
        try register.session.transaction {
            try register.session.query("SELECT pg_advisory_xact_lock($1)", [.int(PostgresSchema.migrationLock)])
            try register.session.query(PostgresSchema.bookkeeping)
            let applied = Set(try register.session.query("SELECT name FROM incident_migrations").map { try $0.text(0) })
            if let unknown = applied.subtracting(PostgresSchema.migrations.map(\.name)).sorted().last {
                throw ServerError.newerSchema(location: url.description, migration: unknown)
            }
            for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                try register.session.script(migration.sql)
                try register.session.query("INSERT INTO incident_migrations (name) VALUES ($1)", [.text(migration.name)])
            }
        }
        return register
    }

    /// Refuses a database without the register, or one whose migrations this version does not know.
    private func checkSchema() throws {
        let present = try session.query("SELECT to_regclass('incident_migrations') IS NOT NULL")
        guard try present.first?[0].decode(Bool.self) == true else { throw ServerError.noRegister(location: location) }
        let applied = Set(try session.query("SELECT name FROM incident_migrations").map { try $0.text(0) })
        let known = PostgresSchema.migrations.map(\.name)
        if applied.isEmpty { throw ServerError.noRegister(location: location) }
        if let unknown = applied.subtracting(known).sorted().last {
            throw ServerError.newerSchema(location: location, migration: unknown)
        }
        if let missing = known.first(where: { !applied.contains($0) }) {
            throw ServerError.olderSchema(location: location, missing: missing)
        }
    }

    public var location: String { url.description }

    /// Closes the connection now rather than when the register is released.
    public func close() { lock.withLock { session.close() } }

    // MARK: Writing

    public func log(_ body: Logged, context: Context, refusingDuplicatesExcept accepted: Set<IncidentID>?) throws -> Incident {
        try write { chain in
            if let accepted {
                try DuplicateRule.check(body, among: try duplicateCandidates(awareAt: body.awareAt), accepted: accepted)
            }
            let year = body.awareAt.year
            let last =
                try session.query("SELECT max(number)::bigint FROM incidents WHERE year = $1", [.int(Int64(year))]).first?.optionalInt(0)
                ?? 0
            var event = try Workflow.log(body, id: IncidentID(year: year, number: last + 1), context: context)
            event.recordedAt = chain.now
            let incident = try Incident.started(by: event)
            let seq = try chain.append(event)
            try PostgresProjection.write(incident, after: [(event, seq)], in: session)
            return incident
        }
    }

    public func recordMany(_ id: IncidentID, _ decide: (Incident) throws -> [IncidentEvent]) throws -> Incident {
        try write { chain in
            guard let current = try PostgresProjection.incident(id, in: session) else { throw StoreError.notFound(id: id.description) }
            return try apply(try decide(current), to: current, chain: &chain)
        }
    }

    public func recordDirectory(_ decide: (Directory) throws -> [DirectoryEvent]) throws -> Directory {
        try write { chain in
            var directory = try PostgresProjection.directory(in: session)
            for var event in try decide(directory) {
                event.recordedAt = chain.now
                try directory.apply(event)
                try PostgresProjection.write(event, seq: try chain.append(event), in: session)
            }
            return directory
        }
    }

    public func append(_ events: [IncidentEvent], to id: IncidentID, ifHeadIs head: Checkpoint) throws -> Incident? {
        try write { chain in
            guard chain.head == head else { return nil }
            guard let current = try PostgresProjection.incident(id, in: session) else { throw StoreError.notFound(id: id.description) }
            return try apply(events, to: current, chain: &chain)
        }
    }

    /// Applies each event once, appends it to the chain, then writes the projections for the batch.
    private func apply(_ events: [IncidentEvent], to incident: Incident, chain: inout Chain) throws -> Incident {
        var current = incident
        var written: [(event: IncidentEvent, seq: Int64)] = []
        for var event in events {
            event.recordedAt = chain.now
            try current.apply(event)
            written.append((event, try chain.append(event)))
        }
        try PostgresProjection.write(current, after: written, in: session)
        return current
    }

    /// The chain as one write transaction extends it, from the head it locked.
    struct Chain {
        let session: PostgresSession
        var head: Checkpoint
        /// The server's clock, read once the head is locked: every writer stamps `recorded_at` from the one clock,
        /// in the order the lock lets them in, so recorded times never go back between laptops whose clocks differ.
        let now: Timestamp

        mutating func append(_ event: IncidentEvent) throws -> Int64 { try insert(try EventLog.content(of: event, after: head)) }
        mutating func append(_ event: DirectoryEvent) throws -> Int64 { try insert(try EventLog.content(of: event, after: head)) }

        /// Stores an event as given; it must extend the head (the server checks this too).
        mutating func insert(_ content: HashChain.Content) throws -> Int64 {
            let hash = HashChain.hash(content)
            try session.query(
                """
                INSERT INTO events (seq, incident_id, incident_seq, type, payload, actor, recorded_at, occurred_at, prev_hash, hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                """,
                [
                    .int(content.seq), .text(content.incident), .int(content.incidentSeq.map(Int64.init)), .text(content.type),
                    .text(content.payload), .text(content.actor), .text(content.recordedAt), .text(content.occurredAt),
                    .text(content.previousHash), .text(hash),
                ])
            head = Checkpoint(events: content.seq, hash: hash)
            return content.seq
        }
    }

    // MARK: Reading

    public func possibleDuplicates(of body: Logged) throws -> [LoggedIncident] {
        try read { DuplicateRule.duplicates(of: body, among: try duplicateCandidates(awareAt: body.awareAt)) }
    }

    /// Incidents with this awareness time: what a new one might repeat.
    private func duplicateCandidates(awareAt: Timestamp) throws -> [LoggedIncident] {
        try session.query("SELECT id, title, aware_at FROM incidents WHERE aware_at = $1", [.text(awareAt.iso8601)]).map { row in
            LoggedIncident(id: try Stored.id(try row.text(0)), title: try row.text(1), awareAt: try Stored.time(try row.text(2)))
        }
    }

    /// A team's register is never a practice register: a pinned clock is refused on it.
    public func isPractice() throws -> Bool { false }

    public func incident(_ id: IncidentID) throws -> Incident {
        guard let incident = try read({ try PostgresProjection.incident(id, in: session) }) else {
            throw StoreError.notFound(id: id.description)
        }
        return incident
    }

    public func directory() throws -> Directory {
        try read { try PostgresProjection.directory(in: session) }
    }

    public func head() throws -> Checkpoint {
        try read { try eventsHead() }
    }

    func eventsHead() throws -> Checkpoint {
        guard let row = try session.query("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").first else {
            return Checkpoint(events: 0, hash: HashChain.genesis)
        }
        return Checkpoint(events: Int64(try row.int(0)), hash: try row.text(1))
    }

    public func hash(at sequence: Int64) throws -> String? {
        try read { try session.query("SELECT hash FROM events WHERE seq = $1", [.int(sequence)]).first?.text(0) }
    }

    public func list(_ filter: ListFilter) throws -> [IncidentSummary] {
        var clauses: [String] = []
        var values: [PostgresSession.Value] = []
        func parameter(_ value: PostgresSession.Value) -> String {
            values.append(value)
            return "$\(values.count)"
        }
        if let phase = filter.phase { clauses.append("phase = \(parameter(.text(phase.rawValue)))") }
        if let severity = filter.severity { clauses.append("severity = \(parameter(.text(severity.rawValue)))") }
        switch filter.state {
        case .any: break
        case .open: clauses.append("phase <> 'closed'")
        case .closed: clauses.append("phase = 'closed'")
        }
        if let overdueAt = filter.overdueAt {
            clauses.append(
                "id IN (SELECT incident_id FROM shares WHERE first_sent IS NULL AND ruled_out IS NULL AND due_by < \(parameter(.text(overdueAt.iso8601))))"
            )
        }
        let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let sql = """
            SELECT id, title, severity, phase, aware_at, updated_at, source, records, subjects
            FROM incidents \(whereClause) ORDER BY aware_at DESC, year DESC, number DESC \(filter.limit.map { "LIMIT \($0)" } ?? "")
            """
        return try read {
            try session.query(sql, values).map { row in
                IncidentSummary(
                    id: try Stored.id(try row.text(0)), title: try row.text(1),
                    severity: try Stored.value(Severity.self, try row.text(2)), phase: try Stored.value(Phase.self, try row.text(3)),
                    awareAt: try Stored.time(try row.text(4)), updatedAt: try Stored.time(try row.text(5)),
                    source: try row.text(6), records: try row.optionalInt(7), subjects: try row.optionalInt(8))
            }
        }
    }

    public func timeline(_ id: IncidentID) throws -> [TimelineEntry] {
        try read {
            let entries = try session.query(
                "SELECT \(Self.eventColumns) FROM events WHERE incident_id = $1 ORDER BY incident_seq",
                [.text(id.description)]
            ).map { row in
                let (content, hash) = try Self.content(row)
                let event: IncidentEvent
                do { event = try EventLog.event(content) } catch {
                    throw StoreError.damaged(reason: "event \(content.seq) cannot be read: \(error)")
                }
                return TimelineEntry(sequence: content.seq, event: event, hash: hash)
            }
            if entries.isEmpty { throw StoreError.notFound(id: id.description) }
            return entries
        }
    }

    public func noticeSnapshot(_ id: IncidentID) throws -> NoticeSnapshot {
        try read {
            guard let incident = try PostgresProjection.incident(id, in: session) else { throw StoreError.notFound(id: id.description) }
            var lastSent: [String: NoticeVersion] = [:]
            for row in try session.query(
                """
                SELECT \(PostgresProjection.noticeColumns) FROM notices n
                JOIN shares s ON s.incident_id = n.incident_id AND s.customer = n.customer AND s.last_sent_version = n.version
                WHERE n.incident_id = $1
                """, [.text(id.description)])
            {
                let notice = try PostgresProjection.notice(row)
                lastSent[notice.customer] = notice
            }
            return NoticeSnapshot(
                incident: incident, directory: try PostgresProjection.directory(in: session), head: try eventsHead(),
                lastSent: lastSent)
        }
    }

    public func noticeVersions(_ id: IncidentID) throws -> [NoticeVersionSummary] {
        try read {
            try session.query(
                """
                SELECT customer, version, kind, drafted_at, sent_at, sent_via FROM notices WHERE incident_id = $1 ORDER BY customer, version
                """, [.text(id.description)]
            ).map { row in
                NoticeVersionSummary(
                    customer: try row.text(0), version: try row.int(1), kind: try Stored.value(NoticeKind.self, try row.text(2)),
                    draftedAt: try Stored.time(try row.text(3)), sentAt: try row.optionalText(4).map(Stored.time),
                    sentVia: try row.optionalText(5))
            }
        }
    }

    public func forEachNotice(
        _ id: IncidentID, customer: String?, version: Int?, latestOnly: Bool,
        _ body: (NoticeVersion) throws -> Void
    ) throws {
        var sql = "SELECT \(PostgresProjection.noticeColumns) FROM notices n"
        var values: [PostgresSession.Value] = [.text(id.description)]
        if latestOnly {
            sql += " JOIN shares s ON s.incident_id = n.incident_id AND s.customer = n.customer AND s.drafted_versions = n.version"
        }
        sql += " WHERE n.incident_id = $1"
        if let customer {
            values.append(.text(customer))
            sql += " AND n.customer = $\(values.count)"
        }
        if let version {
            values.append(.int(Int64(version)))
            sql += " AND n.version = $\(values.count)"
        }
        sql += " ORDER BY n.customer, n.version"
        try read {
            for row in try session.query(sql, values) { try body(try PostgresProjection.notice(row)) }
        }
    }

    public func forEachRecord(from: Timestamp?, to: Timestamp?, _ body: (RegisterRecord) throws -> Void) throws {
        var sql = "SELECT id FROM incidents WHERE true"
        var values: [PostgresSession.Value] = []
        if let from {
            values.append(.text(from.iso8601))
            sql += " AND aware_at >= $\(values.count)"
        }
        if let to {
            values.append(.text(to.iso8601))
            sql += " AND aware_at <= $\(values.count)"
        }
        try read {
            for text in try session.query(sql + " ORDER BY aware_at, year, number", values).map({ try $0.text(0) }) {
                guard let incident = try PostgresProjection.incident(try Stored.id(text), in: session) else { continue }
                let history = try session.query(
                    """
                    SELECT type, payload, occurred_at, actor FROM events
                    WHERE incident_id = $1 AND type IN (\(RegisterRecord.phaseEventTypes)) ORDER BY incident_seq
                    """, [.text(text)]
                ).map { row in
                    try RegisterRecord.PhaseEntry(
                        type: try row.text(0), payload: try row.text(1), occurredAt: try row.text(2), actor: try row.text(3))
                }
                let notified = try session.query(
                    """
                    SELECT customer, version, kind, sent_at, sent_via FROM notices
                    WHERE incident_id = $1 AND sent_at IS NOT NULL ORDER BY customer, version
                    """, [.text(text)]
                ).map { row in
                    RegisterRecord.Notified(
                        customer: try row.text(0), version: try row.int(1), kind: try Stored.value(NoticeKind.self, try row.text(2)),
                        sentAt: try Stored.time(try row.text(3)), via: try row.optionalText(4))
                }
                try body(RegisterRecord(incident: incident, phaseHistory: history, notified: notified))
            }
        }
    }

    // MARK: Plumbing

    static let eventColumns = "seq, incident_id, incident_seq, type, payload, actor, recorded_at, occurred_at, prev_hash, hash"

    /// A row selected with `eventColumns`: the content as hashed, and the stored hash.
    static func content(_ row: PostgresRandomAccessRow) throws -> (HashChain.Content, String) {
        (
            HashChain.Content(
                seq: Int64(try row.int(0)), incident: try row.optionalText(1), incidentSeq: try row.optionalInt(2),
                type: try row.text(3), payload: try row.text(4), actor: try row.text(5), recordedAt: try row.text(6),
                occurredAt: try row.text(7), previousHash: try row.text(8)), try row.text(9)
        )
    }

    /// A write transaction that locks the chain head before it reads anything.
    func write<T>(_ body: (inout Chain) throws -> T) throws -> T {
        try lock.withLock {
            try session.transaction {
                guard let row = try session.query("SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE").first else {
                    throw StoreError.damaged(reason: "the chain_head row is missing")
                }
                let head = Checkpoint(events: Int64(try row.int(0)), hash: try row.text(1))
                guard
                    let clock = try session.query(
                        """
                        SELECT floor(extract(epoch FROM clock_timestamp()))::bigint, (SELECT recorded_at FROM events WHERE seq = $1)
                        """, [.int(head.events)]
                    ).first
                else { throw StoreError.damaged(reason: "the server did not tell its time") }
                let now = Timestamp(seconds: Int64(try clock.int(0)))
                if let last = try clock.optionalText(1), now.iso8601 < last {
                    throw StoreError.clockBehind(now: now.iso8601, last: last)
                }
                var chain = Chain(session: session, head: head, now: now)
                return try body(&chain)
            }
        }
    }

    /// A read-only transaction on one snapshot, so several queries see one consistent state.
    func read<T>(_ body: () throws -> T) throws -> T {
        try lock.withLock { try session.transaction(readOnly: true, body) }
    }
}

extension PostgresRegister {
    /// Least privilege: `owner` owns the tables; `writer` may read everything and append events, and update
    /// only the current-state tables the write path keeps. Both roles must exist; names were checked by the caller.
    public func grantRoles(owner: String, writer: String) throws {
        let tables = ["events", "chain_head", "incidents", "customers", "organisation", "shares", "notices", "incident_migrations"]
        try lock.withLock {
            try session.transaction {
                for table in tables { try session.query("ALTER TABLE \(table) OWNER TO \(owner)") }
                for function in ["incident_refuse_change()", "incident_extend_head()"] {
                    try session.query("ALTER FUNCTION \(function) OWNER TO \(owner)")
                }
                try session.query("REVOKE ALL ON \(tables.joined(separator: ", ")) FROM PUBLIC")
                try session.query("GRANT SELECT ON \(tables.joined(separator: ", ")) TO \(writer)")
                try session.query("GRANT INSERT ON events, incidents, customers, organisation, shares, notices TO \(writer)")
                try session.query("GRANT UPDATE ON chain_head, incidents, customers, organisation, shares, notices TO \(writer)")
                try session.query("REVOKE UPDATE, DELETE, TRUNCATE ON events FROM \(writer)")
            }
        }
    }
}
