import GRDB

extension Schema {
    /// What an incident tells customers beyond its facts (recommendations, planned measures, withdrawn actions,
    /// items that cannot be determined): one JSON column on `incidents`, rewritten with the row, empty (NULL)
    /// until the first is recorded. Actions stay append-only; a withdrawn action is marked here, not edited.
    static func addAdvice(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE incidents ADD COLUMN advice TEXT CHECK (advice IS NULL OR json_valid(advice))")
    }
}
