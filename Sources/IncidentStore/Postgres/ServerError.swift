/// What can go wrong between this program and a PostgreSQL register: reaching it, logging in, its schema.
///
/// Every `location` is a URL without its password; no case carries one.
public enum ServerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--db` or `INCIDENT_DB` holds a URL that cannot be used.
    case badURL(field: String, problem: String)
    /// The server cannot be reached, or went away during the command: it may work on retry.
    case unreachable(location: String, reason: String)
    /// The server refused the user name or password.
    case authentication(location: String, user: String)
    /// The database named in the URL does not exist.
    case noDatabase(location: String, database: String)
    /// The database exists but holds no register.
    case noRegister(location: String)
    /// The register was made or upgraded by a newer version of this program.
    case newerSchema(location: String, migration: String)
    /// The register's schema lacks migrations this version needs.
    case olderSchema(location: String, missing: String)
    /// The server refused an operation for this role.
    case permission(location: String, reason: String)
    /// Writers kept colliding (serialisation failures) past the retry bound; nothing was written.
    case contended(location: String, attempts: Int)
    /// TLS was required but could not be set up.
    case tls(location: String, reason: String)
    /// Any other refusal from the server: a bug, or a register altered outside this program.
    case server(location: String, reason: String)

    public var description: String {
        switch self {
        case .badURL(let field, let problem):
            "\(field): \(problem)"
        case .unreachable(let location, let reason):
            "register: cannot reach the PostgreSQL server of \(location) (\(reason)); nothing was written, try again when it is reachable"
        case .authentication(let location, let user):
            "register: the PostgreSQL server of \(location) refused user \(user) or its password; check the user and password in the URL"
        case .noDatabase(let location, let database):
            "register: database \(database) does not exist at \(location); create it (createdb \(database)), then run `incident db init`"
        case .noRegister(let location):
            "register: no register in \(location); run `incident db init` with this URL to create one"
        case .newerSchema(let location, let migration):
            "register: \(location) was set up by a newer version of incident (migration \(migration)); upgrade incident"
        case .olderSchema(let location, let missing):
            "register: \(location) needs migration \(missing); the register's owner runs `incident db init` to upgrade it"
        case .permission(let location, let reason):
            "register: \(location) refused this role: \(reason); ask the register's owner for the writer role"
        case .contended(let location, let attempts):
            "register: \(location) stayed contended by other writers for \(attempts) attempts; nothing was written, run the command again"
        case .tls(let location, let reason):
            "register: TLS to \(location) failed (\(reason)); check sslmode in the URL"
        case .server(let location, let reason):
            "register: the PostgreSQL server of \(location) refused: \(reason)"
        }
    }
}
