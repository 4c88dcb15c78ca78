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
        // Each window's payloads are encoded on every core; the chain is written in order, on this thread.
        try EncodedPayloads.windows(events, withFacts: false) { window, encoded in
            for (index, var event) in window.enumerated() {
                event.recordedAt = chain.now
                try current.apply(event)
                written.append((event, try chain.append(event, payload: try encoded.payload(index))))
            }
        }
        try PostgresProjection.write(current, after: written, in: session)
        return current
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
