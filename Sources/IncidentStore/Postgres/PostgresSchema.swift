/// The PostgreSQL register's schema, as named migrations applied in order and recorded in `incident_migrations`.
///
/// As with SQLite, a migration that has shipped is never edited: add a new one at the end. Constraints and
/// triggers live here because the server enforces them on every writer, including ones that are not this program.
enum PostgresSchema {
    static let migrations: [(name: String, sql: String)] = [
        ("2026-11-29-register", register),
        ("2026-11-29-subprocessors", subprocessors),
        ("2026-11-29-approval-all-clear", approvalAndAllClear),
    ]

    /// A fixed key for `pg_advisory_xact_lock`: two `db init` at once apply each migration once.
    static let migrationLock: Int64 = 0x1_6C1D_E475

    static let bookkeeping = """
        CREATE TABLE IF NOT EXISTS incident_migrations (
            name TEXT PRIMARY KEY,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            applied_by TEXT NOT NULL DEFAULT session_user
        )
        """

    private static let time = "'^[0-9]{4}-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z$'"

    /// The triggers `verify` requires on `events` and `chain_head`, enabled.
    static let triggers = [
        "chain_head_refuse_delete", "events_extend_head", "events_refuse_delete", "events_refuse_truncate",
        "events_refuse_update",
    ]

    private static let register = """
        CREATE FUNCTION incident_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'events are append-only: record a correcting event instead (% on %)', TG_OP, TG_TABLE_NAME;
        END $$;

        -- The chain's head: one row, locked FOR UPDATE by every write transaction before it reads anything, so
        -- two writers never both extend the same head.
        CREATE TABLE chain_head (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            seq BIGINT NOT NULL CHECK (seq >= 0),
            hash TEXT NOT NULL CHECK (length(hash) = 64)
        );
        INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, '\(HashChain.genesis)');
        CREATE TRIGGER chain_head_refuse_delete BEFORE DELETE OR TRUNCATE ON chain_head
            FOR EACH STATEMENT EXECUTE FUNCTION incident_refuse_change();

        CREATE TABLE events (
            seq BIGINT PRIMARY KEY CHECK (seq >= 1),
            incident_id TEXT,
            incident_seq INTEGER CHECK (incident_seq >= 1),
            type TEXT NOT NULL CHECK (type ~ '^[a-z-]{1,40}$'),
            payload TEXT NOT NULL CHECK (payload::json IS NOT NULL),
            actor TEXT NOT NULL CHECK (length(actor) > 0),
            recorded_at TEXT NOT NULL CHECK (recorded_at ~ \(time)),
            occurred_at TEXT NOT NULL CHECK (occurred_at ~ \(time)),
            prev_hash TEXT NOT NULL UNIQUE CHECK (length(prev_hash) = 64),
            hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
            -- Which database role wrote the event: with one role per person, the server records who wrote what.
            written_by TEXT NOT NULL DEFAULT session_user,
            written_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            CHECK ((incident_id IS NULL) = (incident_seq IS NULL)),
            UNIQUE (incident_id, incident_seq)
        );
        CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION incident_refuse_change();
        CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events FOR EACH ROW EXECUTE FUNCTION incident_refuse_change();
        CREATE TRIGGER events_refuse_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION incident_refuse_change();

        -- A new event must extend the head exactly; the head moves with it. A second guard behind the lock and
        -- the UNIQUE constraints: a writer that skipped the lock fails here instead of forking the chain.
        CREATE FUNCTION incident_extend_head() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            head_seq BIGINT;
            head_hash TEXT;
        BEGIN
            SELECT seq, hash INTO head_seq, head_hash FROM chain_head WHERE id = 1 FOR UPDATE;
            IF NEW.seq <> head_seq + 1 OR NEW.prev_hash <> head_hash THEN
                RAISE EXCEPTION 'event % does not extend the chain head %', NEW.seq, head_seq USING ERRCODE = '40001';
            END IF;
            UPDATE chain_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
            RETURN NEW;
        END $$;
        CREATE TRIGGER events_extend_head BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION incident_extend_head();

        -- Current state. Columns that `list` filters and sorts on, and the whole incident (without its shares) in
        -- the canonical JSON the events use; the columns win on reading, so an edited column shows in `verify`.
        CREATE TABLE incidents (
            id TEXT PRIMARY KEY,
            year INTEGER NOT NULL CHECK (year BETWEEN 1970 AND 9999),
            number INTEGER NOT NULL CHECK (number >= 1),
            title TEXT NOT NULL CHECK (length(title) > 0),
            severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
            phase TEXT NOT NULL CHECK (phase IN ('investigate', 'contain', 'mitigate', 'remediate', 'restore', 'closed')),
            aware_at TEXT NOT NULL CHECK (aware_at ~ \(time)),
            updated_at TEXT NOT NULL CHECK (updated_at ~ \(time)),
            source TEXT NOT NULL CHECK (length(source) > 0),
            records BIGINT CHECK (records >= 0),
            subjects BIGINT CHECK (subjects >= 0),
            state TEXT NOT NULL CHECK (state::json IS NOT NULL),
            last_seq BIGINT NOT NULL REFERENCES events(seq),
            UNIQUE (year, number)
        );
        CREATE INDEX incidents_by_aware ON incidents (aware_at);
        CREATE INDEX incidents_by_phase ON incidents (phase, aware_at);
        CREATE INDEX incidents_by_severity ON incidents (severity, aware_at);

        CREATE TABLE customers (
            slug TEXT PRIMARY KEY CHECK (slug ~ '^[a-z0-9-]{1,63}$'),
            state TEXT NOT NULL CHECK (state::json IS NOT NULL),
            added_seq BIGINT NOT NULL REFERENCES events(seq)
        );

        CREATE TABLE organisation (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            body TEXT NOT NULL CHECK (body::json IS NOT NULL),
            set_seq BIGINT NOT NULL REFERENCES events(seq)
        );

        CREATE TABLE shares (
            incident_id TEXT NOT NULL REFERENCES incidents(id),
            customer TEXT NOT NULL REFERENCES customers(slug),
            position INTEGER NOT NULL CHECK (position >= 0),
            due_by TEXT NOT NULL CHECK (due_by ~ \(time)),
            ruled_out TEXT,
            first_sent TEXT,
            drafted_versions INTEGER NOT NULL CHECK (drafted_versions >= 0),
            last_sent_version INTEGER CHECK (last_sent_version >= 1),
            state TEXT NOT NULL CHECK (state::json IS NOT NULL),
            PRIMARY KEY (incident_id, customer)
        );
        -- Customers still waiting for their first notice, by deadline: what `list --overdue` reads.
        CREATE INDEX shares_awaiting_notice ON shares (due_by, incident_id) WHERE first_sent IS NULL AND ruled_out IS NULL;

        CREATE TABLE notices (
            incident_id TEXT NOT NULL REFERENCES incidents(id),
            customer TEXT NOT NULL REFERENCES customers(slug),
            version INTEGER NOT NULL CHECK (version >= 1),
            kind TEXT NOT NULL CHECK (kind IN ('initial', 'update', 'final')),
            body TEXT NOT NULL CHECK (body::json IS NOT NULL),
            drafted_at TEXT NOT NULL CHECK (drafted_at ~ \(time)),
            drafted_by TEXT NOT NULL,
            drafted_seq BIGINT NOT NULL REFERENCES events(seq),
            sent_at TEXT CHECK (sent_at ~ \(time)),
            sent_by TEXT,
            sent_via TEXT,
            PRIMARY KEY (incident_id, customer, version)
        );
        """

    /// Subprocessors, kept as the canonical JSON of each beside its slug. Customers' regions and services and
    /// an incident's subprocessor live in the JSON those tables already keep, so only this table is new.
    private static let subprocessors = """
        CREATE TABLE subprocessors (
            slug TEXT PRIMARY KEY CHECK (slug ~ '^[a-z0-9-]{1,63}$'),
            state TEXT NOT NULL CHECK (state::json IS NOT NULL),
            added_seq BIGINT NOT NULL REFERENCES events(seq)
        );
        -- A register set up with roles before this table existed: whoever may read or write customers may do
        -- the same here, so writers keep working after the upgrade without another `db init`.
        DO $$
        DECLARE g record;
        BEGIN
            FOR g IN SELECT DISTINCT grantee, privilege_type FROM information_schema.role_table_grants
                WHERE table_schema = current_schema() AND table_name = 'customers'
                    AND privilege_type IN ('SELECT', 'INSERT', 'UPDATE')
                    AND grantee NOT IN ('PUBLIC', current_user)
            LOOP
                EXECUTE format('GRANT %s ON subprocessors TO %I', g.privilege_type, g.grantee);
            END LOOP;
        END $$;
        """

    /// The `not-affected` notice kind. Approvals live in each share's JSON and a customer's update hours in its
    /// JSON, so they need no column.
    private static let approvalAndAllClear = """
        ALTER TABLE notices DROP CONSTRAINT notices_kind_check;
        ALTER TABLE notices ADD CONSTRAINT notices_kind_check CHECK (kind IN ('initial', 'update', 'final', 'not-affected'));
        """
}
