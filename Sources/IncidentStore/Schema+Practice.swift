import GRDB

extension Schema {
    /// The mark of a practice register: one row, written only while the register is still empty, and never
    /// changed or removed. A real register therefore cannot become a practice one, where a pinned clock is
    /// honoured, and a practice register cannot pass for a real one.
    static func createPracticeMark(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE practice (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    purpose TEXT NOT NULL CHECK (purpose = 'for trying things out; not a record of real incidents')
                );
                CREATE TRIGGER practice_only_when_empty BEFORE INSERT ON practice WHEN EXISTS (SELECT 1 FROM events)
                BEGIN SELECT RAISE(ABORT, 'only a new, empty register can be marked as practice'); END;
                CREATE TRIGGER practice_refuse_update BEFORE UPDATE ON practice
                BEGIN SELECT RAISE(ABORT, 'the practice mark is never changed'); END;
                CREATE TRIGGER practice_refuse_delete BEFORE DELETE ON practice
                BEGIN SELECT RAISE(ABORT, 'the practice mark is never removed'); END;
                """)
    }
}
