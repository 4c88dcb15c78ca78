import GRDB

extension Schema {
    /// Four-eyes approval, the `not-affected` notice and per-customer update hours.
    ///
    /// SQLite cannot change a CHECK constraint in place, so `shares` and `notices` are rebuilt to accept the
    /// new kind: each is copied into a new table, the old one dropped (its triggers and index with it), the new
    /// one renamed, and the triggers and index made again exactly as before. `shares` gains `approvals`, a JSON
    /// list that is empty for every share that existed before, which had none; `customers` gains
    /// `update_hours`, empty (our default) for every existing customer.
    static func approvalAndAllClear(_ db: Database) throws {
        let kinds = "('initial', 'update', 'final', 'not-affected')"
        try db.execute(
            sql: """
                ALTER TABLE customers ADD COLUMN update_hours INTEGER CHECK (update_hours BETWEEN 1 AND 8760);

                CREATE TABLE shares_v2 (
                    incident_id TEXT NOT NULL REFERENCES incidents(id),
                    customer TEXT NOT NULL REFERENCES customers(slug),
                    position INTEGER NOT NULL CHECK (position >= 0),
                    data_categories TEXT NOT NULL CHECK (json_valid(data_categories)),
                    subject_categories TEXT NOT NULL CHECK (json_valid(subject_categories)),
                    records INTEGER CHECK (records >= 0),
                    subjects INTEGER CHECK (subjects >= 0),
                    notice_hours INTEGER NOT NULL CHECK (notice_hours BETWEEN 1 AND 8760),
                    affected_at TEXT NOT NULL \(timeCheckColumn("affected_at")),
                    due_by TEXT NOT NULL \(timeCheckColumn("due_by")),
                    ruled_out TEXT CHECK (ruled_out IS NULL OR json_valid(ruled_out)),
                    drafted_versions INTEGER NOT NULL CHECK (drafted_versions >= 0),
                    latest_kind TEXT CHECK (latest_kind IN \(kinds)),
                    drafted_at TEXT NOT NULL CHECK (json_valid(drafted_at) AND json_array_length(drafted_at) = drafted_versions),
                    first_sent TEXT CHECK (first_sent IS NULL OR json_valid(first_sent)),
                    last_sent_version INTEGER CHECK (last_sent_version >= 1),
                    approvals TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(approvals)),
                    PRIMARY KEY (incident_id, customer)
                ) WITHOUT ROWID;
                INSERT INTO shares_v2 (incident_id, customer, position, data_categories, subject_categories, records, subjects,
                    notice_hours, affected_at, due_by, ruled_out, drafted_versions, latest_kind, drafted_at, first_sent, last_sent_version)
                SELECT incident_id, customer, position, data_categories, subject_categories, records, subjects,
                    notice_hours, affected_at, due_by, ruled_out, drafted_versions, latest_kind, drafted_at, first_sent, last_sent_version
                FROM shares;
                DROP TABLE shares;
                ALTER TABLE shares_v2 RENAME TO shares;
                CREATE INDEX shares_awaiting_notice ON shares (due_by, incident_id) WHERE first_sent IS NULL AND ruled_out IS NULL;
                CREATE TRIGGER shares_refuse_delete BEFORE DELETE ON shares
                BEGIN SELECT RAISE(ABORT, 'shares rows are never deleted'); END;

                CREATE TABLE notices_v2 (
                    incident_id TEXT NOT NULL REFERENCES incidents(id),
                    customer TEXT NOT NULL REFERENCES customers(slug),
                    version INTEGER NOT NULL CHECK (version >= 1),
                    kind TEXT NOT NULL CHECK (kind IN \(kinds)),
                    template TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    markdown TEXT NOT NULL,
                    facts TEXT NOT NULL CHECK (json_valid(facts)),
                    drafted_at TEXT NOT NULL \(timeCheckColumn("drafted_at")),
                    drafted_by TEXT NOT NULL,
                    drafted_seq INTEGER NOT NULL REFERENCES events(seq),
                    sent_at TEXT,
                    sent_by TEXT,
                    sent_via TEXT,
                    PRIMARY KEY (incident_id, customer, version)
                ) WITHOUT ROWID;
                INSERT INTO notices_v2 SELECT incident_id, customer, version, kind, template, subject, markdown, facts, drafted_at,
                    drafted_by, drafted_seq, sent_at, sent_by, sent_via FROM notices;
                DROP TABLE notices;
                ALTER TABLE notices_v2 RENAME TO notices;
                CREATE TRIGGER notices_refuse_delete BEFORE DELETE ON notices
                BEGIN SELECT RAISE(ABORT, 'notices rows are never deleted'); END;
                CREATE TRIGGER notices_refuse_update BEFORE UPDATE ON notices WHEN OLD.sent_at IS NOT NULL OR \(fixedNoticeColumns)
                BEGIN SELECT RAISE(ABORT, 'a drafted notice never changes; only its sending is recorded, once'); END;
                """)
    }

    /// The columns of a drafted notice that no event changes.
    static var fixedNoticeColumns: String {
        [
            "incident_id", "customer", "version", "kind", "template", "subject", "markdown", "facts", "drafted_at",
            "drafted_by", "drafted_seq",
        ].map { "NEW.\($0) IS NOT OLD.\($0)" }.joined(separator: " OR ")
    }
}
