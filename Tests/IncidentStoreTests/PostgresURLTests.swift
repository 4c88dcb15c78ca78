import Testing

@testable import IncidentStore

@Suite("PostgreSQL URLs, statement splitting, network file systems")
struct PostgresURLTests {
    @Test("a full URL parses; its description never holds the password")
    func parses() throws {
        let url = try PostgresURL(parsing: "postgres://dana:s%40cret@db.internal:6543/incident?sslmode=verify-full", field: "--db")
        #expect(url.host == "db.internal" && url.port == 6543 && url.user == "dana" && url.database == "incident")
        #expect(url.password == "s@cret")
        #expect(url.sslMode == .verifyFull)
        #expect(url.description == "postgres://dana@db.internal:6543/incident")
        let short = try PostgresURL(parsing: "postgresql://dana@localhost/incident", field: "--db")
        #expect(short.port == 5432 && short.sslMode == .prefer && short.password == nil)
    }

    @Test(
        "a URL that cannot be used is refused naming the field, without repeating the URL",
        arguments: [
            "postgres://u:pw@/db", "postgres://u:pw@host/", "postgres://u:pw@host/a/b", "postgres://:pw@host/db",
            "postgres://u:pw@host/db?sslmode=maybe", "postgres://u:pw@host/db?options=x", "postgres://u:pw@[::1/db",
        ])
    func refused(text: String) {
        let error = #expect(throws: ServerError.self) { _ = try PostgresURL(parsing: text, field: "INCIDENT_DB") }
        let message = error?.description ?? ""
        #expect(message.hasPrefix("INCIDENT_DB: "))
        #expect(!message.contains("pw@"), "the URL (and its password) is not repeated")
    }

    @Test("file paths are not URLs")
    func paths() {
        #expect(PostgresURL.isURL("POSTGRES://x@h/d"))
        #expect(!PostgresURL.isURL("/var/lib/incident/register.sqlite"))
        #expect(!PostgresURL.isURL("postgres.sqlite"))
    }

    @Test("migrations split at statement ends, not inside function bodies, strings or comments")
    func statements() {
        let sql = """
            CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'a; b'; END $$;
            -- a comment; with a semicolon
            INSERT INTO t VALUES ('x;y');
            SELECT 1
            """
        #expect(
            PostgresSession.statements(sql) == [
                "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'a; b'; END $$",
                "INSERT INTO t VALUES ('x;y')", "SELECT 1",
            ])
        #expect(PostgresSchema.migrations.allSatisfy { !PostgresSession.statements($0.sql).isEmpty })
    }

    @Test(
        "network and FUSE file systems are named; a local folder is not",
        arguments: [
            (0x6969, "NFS"), (0xFF53_4D42, "CIFS"), (0xFE53_4D42, "SMB2"), (0x6573_5546, "FUSE (sshfs or similar)"),
        ])
    func networkKinds(magic: Int, name: String) {
        #expect(NetworkFileSystem.name(ofMagic: magic) == name)
    }

    @Test("the temporary folder is local; a missing file is judged by its nearest folder")
    func local() {
        #expect(NetworkFileSystem.kind(of: "/tmp/no/such/folder/register.sqlite") == nil)
        #expect(NetworkFileSystem.name(ofMagic: 0xEF53) == nil, "ext4")
    }
}
