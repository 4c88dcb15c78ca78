import GRDB
import IncidentCore

/// The `customers` and `organisation` tables: the directory's current state.
enum DirectoryProjection {
    static func write(_ event: DirectoryEvent, seq: Int64, in db: Database) throws {
        switch event.payload {
        case .customerAdded(let c):
            try db.execute(sql: """
                INSERT INTO customers (slug, name, emails, language, time_zone, notice_hours, added_seq) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [c.slug, c.name, Projection.json(c.emails), c.language, c.timeZone, c.noticeHours, seq])
        case .organisationSet(let organisation):
            try db.execute(sql: "INSERT OR REPLACE INTO organisation (id, body, set_seq) VALUES (1, ?, ?)",
                           arguments: [try CanonicalJSON.encode(organisation), seq])
        }
    }

    static func load(in db: Database) throws -> Directory {
        var directory = Directory()
        for row in try Row.fetchAll(db, sql: "SELECT * FROM customers") {
            let customer = Customer(slug: row["slug"], name: row["name"], emails: try Projection.list(row["emails"]),
                                    language: row["language"], timeZone: row["time_zone"], noticeHours: row["notice_hours"])
            directory.customers[customer.slug] = customer
        }
        if let body = try String.fetchOne(db, sql: "SELECT body FROM organisation WHERE id = 1") {
            directory.organisation = try Stored.json(Organisation.self, body)
        }
        return directory
    }
}
