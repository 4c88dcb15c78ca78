import Foundation
import GRDB
import IncidentCore

/// The SQLite backend of the register: one file, an append-only hash-chained event log, and projections
/// of current state written in the same transaction as each event.
public final class Register: RegisterStore {
    public let path: String
    let queue: DatabaseQueue
    let busyTimeout: Double
    /// Set once the schema was found to be exactly what this version creates (see `SchemaCheck.checkWritable`).
    private let schemaChecked = OnceFlag()
    /// The `-shm` file as this process first saw it (device and inode), to notice it being deleted under us.
    private let sharedMemory: SharedMemoryFile

    /// The time the register stamps on what it writes, read with the write lock held.
    let clock: @Sendable () -> Timestamp

    /// The system clock, to the second.
    public static let systemClock: @Sendable () -> Timestamp = { Timestamp(seconds: Int64(Date().timeIntervalSince1970.rounded(.down))) }

    /// Seconds a writer waits for another writer before giving up with `StoreError.busy`.
    public static let defaultBusyTimeout: Double = 15

    /// Opens the register at `path`. With `create`, a missing register (and its folders) is made first.
    ///
    /// The file is identified read-only before anything is changed: a file that is not a register is refused
    /// and left as it was. A new register is created in one transaction, so it appears whole or not at all.
    /// `clock` is read inside each write transaction, with the write lock held, to stamp when the register wrote
    /// each event: so recorded times never go back between writers, whoever read their clock first.
    public init(
        path: String, create: Bool, busyTimeout: Double = Register.defaultBusyTimeout,
        clock: @escaping @Sendable () -> Timestamp = Register.systemClock
    ) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        self.clock = clock
        if create {
            try RegisterFile.create(path)
        } else if !RegisterFile.exists(path) {
            throw StoreError.missing(path: path)
        }
        let (identity, queue) = try Self.opening(path, busyTimeout: busyTimeout) {
            let identity = try RegisterIdentity.of(path, busyTimeout: busyTimeout)
            if case .empty = identity, !create { throw StoreError.missing(path: path) }
            var config = Configuration()
            config.busyMode = .timeout(busyTimeout)
            config.foreignKeysEnabled = true
            config.prepareDatabase { db in
                // WAL is set here rather than with `config.journalMode = .wal`, because GRDB's WAL set-up
                // lowers `synchronous` to NORMAL, and a register must not lose a commit to a power cut.
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                guard mode == "wal" else { throw DatabaseError(resultCode: .SQLITE_CANTOPEN, message: "WAL mode is not available") }
                // FULL: a commit is on disk before we report success, even if the power goes next.
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            do {
                return (identity, try DatabaseQueue(path: path, configuration: config))
            } catch let error as DatabaseError {
                throw StoreError.from(error, path: path, busyTimeout: busyTimeout)
            }
        }
        self.queue = queue
        // Setting WAL mode opened the wal-index, so the -shm file exists from here on.
        sharedMemory = SharedMemoryFile(path + "-shm")
        switch identity {
        case .empty: try createSchema()
        case .register(let applied): try migrate(applied: applied)
        }
    }

    /// Runs the opening steps, trying again while another process holds the register, up to `busyTimeout`.
    /// SQLite answers some of them (switching a file to WAL, reading a schema another process is creating) with
    /// SQLITE_BUSY at once instead of waiting in its busy handler, so a crowd of first writers could be refused
    /// in milliseconds although the wait they were promised is seconds.
    private static func opening<T>(_ path: String, busyTimeout: Double, _ body: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try body()
            } catch StoreError.busy where Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }

    /// Creates the whole schema in one IMMEDIATE transaction. A concurrent creator waits for the lock and then
    /// finds the schema there; a creator killed half-way leaves no schema, and the next writer starts again.
    private func createSchema() throws {
        try mapErrors {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    if RegisterIdentity.unstarted(try SchemaCheck.objects(in: db), try SchemaCheck.migrations(in: db)) {
                        try Schema.create(db)
                    }
                    return .commit
                }
            }
        }
    }

    /// Applies the migrations this version knows and the register lacks. A register written by a newer version
    /// is left as it is (writes to it are refused, see `SchemaCheck.checkWritable`). A missing row in
    /// `grdb_migrations` whose objects exist means the table was edited: that is damage, not something to re-run.
    private func migrate(applied: [String]) throws {
        let known = Schema.migrations.map(\.name)
        guard applied.allSatisfy(known.contains) else { return }
        let pending = known.filter { !applied.contains($0) }
        guard let first = pending.first else { return }
        func damaged() -> StoreError {
            .damaged(
                reason: """
                    grdb_migrations has no row for migration '\(first)' although the register has its tables or later migrations: \
                    the table was edited by hand; restore the register from a backup
                    """)
        }
        if pending != Array(known.suffix(pending.count)) { throw damaged() }
        try mapErrors {
            do {
                try Schema.migrator.migrate(queue)
            } catch let error as DatabaseError {
                // Another process may have applied them while this one waited for the lock.
                if try queue.read(Schema.migrator.hasCompletedMigrations) { return }
                // A table or trigger re-created, or a column re-added (`duplicate column name`), means the objects exist.
                let message = error.message ?? ""
                if error.resultCode == .SQLITE_ERROR, message.contains("already exists") || message.contains("duplicate column name") {
                    throw damaged()
                }
                throw error
            }
        }
    }

    // MARK: Plumbing

    /// A write transaction taken IMMEDIATE: the write lock is held from the start, so two writers never
    /// both read the chain head and then collide; the second waits (up to the busy timeout) instead.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try mapErrors {
            var result: T?
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    if !schemaChecked.isSet {
                        try SchemaCheck.checkWritable(db, path: path)
                        schemaChecked.set()
                    }
                    result = try body(db)
                    // Writers coordinate through the -shm file. If it was deleted or replaced while this process had
                    // the register open, other writers no longer see our locks: stop before committing.
                    if !sharedMemory.isUnchanged {
                        throw StoreError.unreadable(
                            path: path,
                            reason: """
                                its -shm file was deleted or replaced while this command had it open, so writers can no longer \
                                see each other; nothing was written: stop every process using the register, then verify it
                                """)
                    }
                    return .commit
                }
            }
            return result!
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try mapErrors { try queue.read(body) }
    }

    func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path, busyTimeout: busyTimeout)
        } catch let error as RowDecodingError {
            // A value of the wrong storage class read outside `StoredRow`: damage, not a crash.
            throw StoreError.damaged(reason: "\(error)")
        }
    }
}
