import GRDB

/// What the file at a register's path holds, found through a read-only connection before anything is changed.
///
/// Opening a file the normal way would switch it to WAL mode for good, and migrating would add tables to it.
/// Neither may happen to a file that is not a register, so the file is identified first, read-only.
enum RegisterIdentity {
    /// No schema at all: a new file, or a creation cut short. A writer may create the register in it.
    case empty
    /// A register, with the migrations it records.
    case register(applied: [String])

    static func of(_ path: String, busyTimeout: Double) throws -> RegisterIdentity {
        do {
            return try identify(path, busyTimeout: busyTimeout, readonly: true)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            // A read-only connection cannot recover a WAL file left by a killed writer (SQLITE_READONLY_CANTINIT).
            // A read-write connection can; it still only reads, and recovery changes no content.
            do { return try identify(path, busyTimeout: busyTimeout, readonly: false) } catch let error as DatabaseError {
                throw StoreError.from(error, path: path, busyTimeout: busyTimeout)
            }
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path, busyTimeout: busyTimeout)
        }
    }

    private static func identify(_ path: String, busyTimeout: Double, readonly: Bool) throws -> RegisterIdentity {
        var config = Configuration()
        config.readonly = readonly
        config.busyMode = .timeout(busyTimeout)
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        return try queue.read { db in
            let objects = try SchemaCheck.objects(in: db)
            let applied = try SchemaCheck.migrations(in: db)
            let marked =
                try (Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0) != 0 || (Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0) != 0
            if !marked, unstarted(objects, applied) { return .empty }
            guard !marked, objects.contains(where: { $0.type == "table" && $0.name == "events" }),
                applied.contains(where: { name in Schema.migrations.contains { $0.name == name } })
            else {
                throw StoreError.unreadable(
                    path: path, reason: "it is an SQLite database but not an incident register; nothing in it was changed")
            }
            return .register(applied: applied)
        }
    }

    /// True for a database with no schema, or with only the empty migrations table that an older version's
    /// creation, killed after its first step, left behind.
    static func unstarted(_ objects: [SchemaObject], _ applied: [String]) -> Bool {
        applied.isEmpty && objects.allSatisfy { $0.table == "grdb_migrations" }
    }
}
