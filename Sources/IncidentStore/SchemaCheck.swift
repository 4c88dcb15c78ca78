import Foundation
import GRDB

/// One row of `sqlite_schema`: what `verify` and every write compare with a fresh migration.
struct SchemaObject: Hashable, Sendable {
    var type: String
    var name: String
    var table: String
    var sql: String?
}

/// The register's schema against the one this version's migrations create.
///
/// Every row of `sqlite_schema` is compared, whatever its name: a trigger planted under a name SQLite
/// reserves (`sqlite_…`) through `PRAGMA writable_schema` runs like any other, so no name is skipped.
enum SchemaCheck {
    struct Reference: Sendable {
        var objects: [SchemaObject]
        var migrations: [String]
    }

    /// What a fresh migration creates, built once per process in memory.
    static let reference: Result<Reference, StoreError> = {
        do {
            let queue = try DatabaseQueue()
            try Schema.migrator.migrate(queue)
            return .success(
                try queue.read { db in
                    Reference(objects: try objects(in: db), migrations: try migrations(in: db))
                })
        } catch {
            return .failure(.internalFailure(reason: "the reference schema cannot be built: \(error)"))
        }
    }()

    /// Every row of `sqlite_schema`, read without trusting a single column's storage class.
    static func objects(in db: Database) throws -> [SchemaObject] {
        try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_schema").map { row in
            SchemaObject(type: text(row[0]) ?? "(null)", name: text(row[1]) ?? "(null)", table: text(row[2]) ?? "(null)", sql: text(row[3]))
        }
    }

    /// The identifiers in `grdb_migrations`, empty when there is no such table.
    static func migrations(in db: Database) throws -> [String] {
        guard try db.tableExists("grdb_migrations") else { return [] }
        return try Row.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").map { text($0[0]) ?? "(null)" }
    }

    /// A column's text, or a readable stand-in when it holds something else.
    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: nil
        case .string(let text): text
        default: value.description
        }
    }

    /// One line per difference, as `type name was added|removed|altered`, in name order; `tables` is true when a
    /// table of the reference was altered or removed (its rows can no longer be trusted to read back).
    static func differences(_ actual: [SchemaObject], _ expected: [SchemaObject]) -> (lines: [String], tables: Bool) {
        func grouped(_ objects: [SchemaObject]) -> [String: [SchemaObject]] {
            Dictionary(grouping: objects) { "\($0.name)\u{0}\($0.type)" }
        }
        let want = grouped(expected)
        let have = grouped(actual)
        var lines: [String] = []
        var tables = false
        for key in Set(want.keys).union(have.keys).sorted() {
            let w = want[key] ?? []
            let h = have[key] ?? []
            guard Set(w) != Set(h) || w.count != h.count else { continue }
            let sample = (w.first ?? h.first)!
            let change = w.isEmpty ? "was added" : h.isEmpty ? "was removed" : "was altered"
            lines.append("\(sample.type) \(sample.name) \(change)")
            if sample.type == "table", !w.isEmpty { tables = true }
        }
        return (lines, tables)
    }

    /// Migration identifiers that differ from this version's: unknown ones (a newer version wrote them) and missing ones.
    static func migrationDifferences(_ actual: [String], _ expected: [String]) -> (unknown: [String], missing: [String]) {
        (actual.filter { !expected.contains($0) }.sorted(), expected.filter { !actual.contains($0) })
    }

    /// Refuses to write to a register this version does not fully know: a newer version's migration, or any
    /// schema object that a fresh migration does not create exactly so (an added trigger can swallow writes).
    static func checkWritable(_ db: Database, path: String) throws {
        let reference = try reference.get()
        let (unknown, _) = migrationDifferences(try migrations(in: db), reference.migrations)
        if let newer = unknown.first {
            throw StoreError.unreadable(
                path: path,
                reason: """
                    it was changed by a newer version of incident (migration '\(newer)' is unknown to this one, which knows up to \
                    '\(reference.migrations.last ?? "")'); nothing was written: use the newer version
                    """)
        }
        let (lines, _) = differences(try objects(in: db), reference.objects)
        if let first = lines.first {
            throw StoreError.damaged(
                reason: """
                    schema: \(first)\(lines.count > 1 ? " (and \(lines.count - 1) more)" : ""), so this version of incident will not write to it; \
                    nothing was written
                    """)
        }
    }
}
