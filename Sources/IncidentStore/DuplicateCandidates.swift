import GRDB
import IncidentCore

/// Incidents a new one might repeat: those logged with the same awareness time. The core decides which
/// of them are duplicates (`DuplicateRule`); this only fetches, through the `incidents_by_aware` index.
enum DuplicateCandidates {
    static func fetch(awareAt: Timestamp, in db: Database) throws -> [LoggedIncident] {
        try Row.fetchAll(
            db, sql: "SELECT id, title, aware_at FROM incidents WHERE aware_at = ? ORDER BY year, number",
            arguments: [awareAt.iso8601]
        ).map { row in
            LoggedIncident(id: try Stored.id(row["id"]), title: row["title"], awareAt: try Stored.time(row["aware_at"]))
        }
    }
}

extension Register {
    /// Incidents already logged that `body` looks like (same title and awareness time), for a person to confirm.
    public func possibleDuplicates(of body: Logged) throws -> [LoggedIncident] {
        try read { DuplicateRule.duplicates(of: body, among: try DuplicateCandidates.fetch(awareAt: body.awareAt, in: $0)) }
    }
}
