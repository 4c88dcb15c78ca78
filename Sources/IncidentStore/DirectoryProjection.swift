import GRDB
import IncidentCore

/// The `customers` and `organisation` tables: the directory's current state.
enum DirectoryProjection {
    static func write(_ event: DirectoryEvent, seq: Int64, in db: Database) throws {
        switch event.payload {
        case .customerAdded(let c):
            // Cached: an import writes one row per customer through this statement.
            try db.cachedStatement(
                sql: """
                    INSERT INTO customers (slug, name, emails, language, time_zone, notice_hours, regions, services, added_seq)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                c.slug, c.name, Projection.json(c.emails), c.language, c.timeZone, c.noticeHours, Projection.json(c.regions),
                Projection.json(c.services), seq,
            ])
        case .customerEdited(let c):
            try db.cachedStatement(
                sql: """
                    UPDATE customers SET name = ?, emails = ?, language = ?, time_zone = ?, notice_hours = ?, regions = ?, services = ?
                    WHERE slug = ?
                    """
            ).execute(arguments: [
                c.name, Projection.json(c.emails), c.language, c.timeZone, c.noticeHours, Projection.json(c.regions),
                Projection.json(c.services), c.slug,
            ])
        case .organisationSet(let organisation):
            try db.execute(
                sql: "INSERT OR REPLACE INTO organisation (id, body, set_seq) VALUES (1, ?, ?)",
                arguments: [try CanonicalJSON.encode(organisation), seq])
        case .subprocessorAdded(let p):
            try db.execute(
                sql: "INSERT INTO subprocessors (slug, name, services, regions, notify_hours, added_seq) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [p.slug, p.name, Projection.json(p.services), Projection.json(p.regions), p.notifyHours, seq])
        case .subprocessorEdited(let p):
            try db.execute(
                sql: "UPDATE subprocessors SET name = ?, services = ?, regions = ?, notify_hours = ? WHERE slug = ?",
                arguments: [p.name, Projection.json(p.services), Projection.json(p.regions), p.notifyHours, p.slug])
        }
    }

    static func load(in db: Database) throws -> Directory {
        var directory = Directory()
        for row in try Row.fetchAll(db, sql: "SELECT * FROM customers") {
            let r = StoredRow(row, table: "customers", keys: ["slug"])
            let customer = Customer(
                slug: try r("slug"), name: try r("name"), emails: try Projection.list(r("emails")),
                language: try r("language"), timeZone: try r("time_zone"), noticeHours: try r("notice_hours"),
                regions: try Projection.list(r("regions")), services: try Projection.list(r("services")))
            directory.customers[customer.slug] = customer
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM subprocessors") {
            let r = StoredRow(row, table: "subprocessors", keys: ["slug"])
            let subprocessor = Subprocessor(
                slug: try r("slug"), name: try r("name"), services: try Projection.list(r("services")),
                regions: try Projection.list(r("regions")), notifyHours: try r("notify_hours"))
            directory.subprocessors[subprocessor.slug] = subprocessor
        }
        if let row = try Row.fetchOne(db, sql: "SELECT id, body FROM organisation WHERE id = 1") {
            directory.organisation = try Stored.json(Organisation.self, StoredRow(row, table: "organisation", keys: ["id"])("body"))
        }
        return directory
    }
}
