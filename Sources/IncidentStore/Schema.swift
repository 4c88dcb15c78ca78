import GRDB

/// The register's schema, as named migrations.
///
/// A migration that has shipped is never edited: registers in the field already ran it. Change the
/// schema by adding a new migration at the end. Constraints live here because SQLite enforces them
/// on every writer, including ones that are not this program.
enum Schema {
    /// Every migration, in order. Add new ones at the end; never edit or reorder one that has shipped.
    static let migrations: [(name: String, migrate: @Sendable (Database) throws -> Void)] = [
        ("2026-11-23-register", createRegister),
        ("2026-11-23-notices", createNotices),
        ("2026-11-29-projection-guards", guardProjections),
        ("2026-11-29-practice", createPracticeMark),
        ("2026-11-29-advice", addAdvice),
        ("2026-11-29-subprocessors", createSubprocessors),
        ("2026-11-29-approval-all-clear", approvalAndAllClear),
    ]

    /// Brings an existing register up to date, one transaction per migration (GRDB's migrator).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations { migrator.registerMigration(migration.name, migrate: migration.migrate) }
        return migrator
    }

    /// Creates a whole register inside the caller's transaction, so a new register appears all at once or not at
    /// all: a process killed half-way leaves an empty database, which the next writer creates again. The
    /// migrations table is made exactly as GRDB's migrator makes it, so later migrations run through it as usual.
    static func create(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        for migration in migrations {
            try migration.migrate(db)
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.name])
        }
    }

    static let timeCheck = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'"

    private static func createRegister(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE events (
                    seq INTEGER PRIMARY KEY CHECK (seq >= 1),
                    incident_id TEXT,
                    incident_seq INTEGER CHECK (incident_seq >= 1),
                    type TEXT NOT NULL CHECK (length(type) BETWEEN 1 AND 40 AND type NOT GLOB '*[^a-z-]*'),
                    payload TEXT NOT NULL CHECK (json_valid(payload)),
                    actor TEXT NOT NULL CHECK (length(actor) > 0),
                    recorded_at TEXT NOT NULL CHECK (recorded_at \(timeCheck)),
                    occurred_at TEXT NOT NULL CHECK (occurred_at \(timeCheck)),
                    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
                    hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
                    CHECK ((incident_id IS NULL) = (incident_seq IS NULL)),
                    UNIQUE (incident_id, incident_seq)
                );
                CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only: record a correcting event instead'); END;
                CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only: they are never deleted'); END;

                CREATE TABLE incidents (
                    id TEXT PRIMARY KEY NOT NULL,
                    year INTEGER NOT NULL CHECK (year BETWEEN 1970 AND 9999),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    title TEXT NOT NULL CHECK (length(title) > 0),
                    nature TEXT NOT NULL,
                    severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
                    phase TEXT NOT NULL CHECK (phase IN ('investigate', 'contain', 'mitigate', 'remediate', 'restore', 'closed')),
                    aware_at TEXT NOT NULL CHECK (aware_at \(timeCheck)),
                    occurred_from TEXT CHECK (occurred_from \(timeCheck)),
                    occurred_to TEXT CHECK (occurred_to \(timeCheck)),
                    detected_at TEXT CHECK (detected_at \(timeCheck)),
                    source TEXT NOT NULL CHECK (length(source) > 0),
                    systems TEXT NOT NULL CHECK (json_valid(systems)),
                    regions TEXT NOT NULL CHECK (json_valid(regions)),
                    data_categories TEXT NOT NULL CHECK (json_valid(data_categories)),
                    subject_categories TEXT NOT NULL CHECK (json_valid(subject_categories)),
                    consequences TEXT NOT NULL CHECK (json_valid(consequences)),
                    records INTEGER CHECK (records >= 0),
                    subjects INTEGER CHECK (subjects >= 0),
                    opened_at TEXT NOT NULL,
                    opened_by TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    phase_entered_at TEXT NOT NULL,
                    phase_entered_event INTEGER NOT NULL CHECK (phase_entered_event >= 1),
                    closed_at TEXT,
                    closing_summary TEXT,
                    event_count INTEGER NOT NULL CHECK (event_count >= 1),
                    last_seq INTEGER NOT NULL REFERENCES events(seq),
                    UNIQUE (year, number),
                    CHECK ((phase = 'closed') = (closed_at IS NOT NULL AND closing_summary IS NOT NULL))
                );
                CREATE INDEX incidents_by_aware ON incidents (aware_at);
                CREATE INDEX incidents_by_phase ON incidents (phase, aware_at);
                CREATE INDEX incidents_by_severity ON incidents (severity, aware_at);

                CREATE TABLE actions (
                    incident_id TEXT NOT NULL REFERENCES incidents(id),
                    event_number INTEGER NOT NULL,
                    text TEXT NOT NULL CHECK (length(text) > 0),
                    kind TEXT NOT NULL CHECK (kind IN ('containment', 'mitigation', 'remediation', 'restoration')),
                    phase TEXT NOT NULL CHECK (phase IN ('investigate', 'contain', 'mitigate', 'remediate', 'restore')),
                    taken_at TEXT NOT NULL,
                    taken_by TEXT NOT NULL,
                    PRIMARY KEY (incident_id, event_number)
                ) WITHOUT ROWID;

                CREATE TABLE notes (
                    incident_id TEXT NOT NULL REFERENCES incidents(id),
                    event_number INTEGER NOT NULL,
                    text TEXT NOT NULL CHECK (length(text) > 0),
                    at TEXT NOT NULL,
                    by TEXT NOT NULL,
                    PRIMARY KEY (incident_id, event_number)
                ) WITHOUT ROWID;
                """)
    }

    private static func createNotices(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE customers (
                    slug TEXT PRIMARY KEY NOT NULL CHECK (slug NOT GLOB '*[^a-z0-9-]*' AND length(slug) BETWEEN 1 AND 63),
                    name TEXT NOT NULL CHECK (length(name) > 0),
                    emails TEXT NOT NULL CHECK (json_valid(emails) AND json_array_length(emails) > 0),
                    language TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 35),
                    time_zone TEXT NOT NULL CHECK (length(time_zone) > 0),
                    notice_hours INTEGER CHECK (notice_hours BETWEEN 1 AND 8760),
                    added_seq INTEGER NOT NULL REFERENCES events(seq)
                );

                CREATE TABLE organisation (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    body TEXT NOT NULL CHECK (json_valid(body)),
                    set_seq INTEGER NOT NULL REFERENCES events(seq)
                );

                CREATE TABLE shares (
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
                    latest_kind TEXT CHECK (latest_kind IN ('initial', 'update', 'final')),
                    drafted_at TEXT NOT NULL CHECK (json_valid(drafted_at) AND json_array_length(drafted_at) = drafted_versions),
                    first_sent TEXT CHECK (first_sent IS NULL OR json_valid(first_sent)),
                    last_sent_version INTEGER CHECK (last_sent_version >= 1),
                    PRIMARY KEY (incident_id, customer)
                ) WITHOUT ROWID;
                -- Customers still waiting for their first notice, by deadline: what `list --overdue` reads.
                CREATE INDEX shares_awaiting_notice ON shares (due_by, incident_id) WHERE first_sent IS NULL AND ruled_out IS NULL;

                CREATE TABLE notices (
                    incident_id TEXT NOT NULL REFERENCES incidents(id),
                    customer TEXT NOT NULL REFERENCES customers(slug),
                    version INTEGER NOT NULL CHECK (version >= 1),
                    kind TEXT NOT NULL CHECK (kind IN ('initial', 'update', 'final')),
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
                """)
    }

    /// Projection rows are only ever added, or changed in the few ways the events allow; SQLite refuses the rest
    /// for every writer. (`INSERT OR REPLACE` does not fire delete triggers, so the shares and organisation
    /// upserts still work.)
    private static func guardProjections(_ db: Database) throws {
        var sql = ""
        for table in ["actions", "notes"] {
            sql += """
                CREATE TRIGGER \(table)_refuse_update BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) are append-only: record a correcting event instead'); END;

                """
        }
        for table in ["incidents", "actions", "notes", "customers", "organisation", "shares", "notices"] {
            sql += """
                CREATE TRIGGER \(table)_refuse_delete BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) rows are never deleted'); END;

                """
        }
        let fixedIncident = ["id", "year", "number", "opened_at", "opened_by"].map { "NEW.\($0) IS NOT OLD.\($0)" }.joined(
            separator: " OR ")
        let fixedNotice = [
            "incident_id", "customer", "version", "kind", "template", "subject", "markdown", "facts", "drafted_at",
            "drafted_by", "drafted_seq",
        ].map { "NEW.\($0) IS NOT OLD.\($0)" }.joined(separator: " OR ")
        sql += """
            CREATE TRIGGER customers_refuse_rekey BEFORE UPDATE ON customers WHEN NEW.slug IS NOT OLD.slug OR NEW.added_seq IS NOT OLD.added_seq
            BEGIN SELECT RAISE(ABORT, 'a customer keeps its slug; its details change only through a customer-edited event'); END;
            CREATE TRIGGER incidents_refuse_renumber BEFORE UPDATE ON incidents WHEN \(fixedIncident)
            BEGIN SELECT RAISE(ABORT, 'an incident keeps its id, number and opening'); END;
            CREATE TRIGGER notices_refuse_update BEFORE UPDATE ON notices WHEN OLD.sent_at IS NOT NULL OR \(fixedNotice)
            BEGIN SELECT RAISE(ABORT, 'a drafted notice never changes; only its sending is recorded, once'); END;
            """
        try db.execute(sql: sql)
    }

    /// Subprocessors, customers' regions and services, and where an incident started. Additive: existing rows
    /// get empty lists and no subprocessor, which is what their events say.
    private static func createSubprocessors(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE customers ADD COLUMN regions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(regions));
                ALTER TABLE customers ADD COLUMN services TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(services));
                ALTER TABLE incidents ADD COLUMN subprocessor TEXT CHECK (subprocessor IS NULL OR json_valid(subprocessor));

                CREATE TABLE subprocessors (
                    slug TEXT PRIMARY KEY NOT NULL CHECK (slug NOT GLOB '*[^a-z0-9-]*' AND length(slug) BETWEEN 1 AND 63),
                    name TEXT NOT NULL CHECK (length(name) > 0),
                    services TEXT NOT NULL CHECK (json_valid(services) AND json_array_length(services) > 0),
                    regions TEXT NOT NULL CHECK (json_valid(regions)),
                    notify_hours INTEGER CHECK (notify_hours BETWEEN 1 AND 8760),
                    added_seq INTEGER NOT NULL REFERENCES events(seq)
                );
                CREATE TRIGGER subprocessors_refuse_delete BEFORE DELETE ON subprocessors
                BEGIN SELECT RAISE(ABORT, 'subprocessors rows are never deleted'); END;
                CREATE TRIGGER subprocessors_refuse_rekey BEFORE UPDATE ON subprocessors
                WHEN NEW.slug IS NOT OLD.slug OR NEW.added_seq IS NOT OLD.added_seq
                BEGIN SELECT RAISE(ABORT, 'a subprocessor keeps its slug; its details change only through a subprocessor-edited event'); END;
                """)
    }

    static func timeCheckColumn(_ name: String) -> String { "CHECK (\(name) \(timeCheck))" }
}
