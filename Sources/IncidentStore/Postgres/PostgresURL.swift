import Foundation

/// Where a PostgreSQL register is: `postgres://user:password@host:port/dbname?sslmode=…`, parsed with `URLComponents`.
///
/// The password is kept only to connect: `description` (what every message shows) never contains it.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    /// libpq's `sslmode` values this tool understands; `prefer` is libpq's default.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var sslMode: SSLMode

    /// True when `text` names a PostgreSQL register rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        let lower = text.prefix(14).lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Parses a register URL. `field` is where it came from (`--db`, `INCIDENT_DB`), for the message.
    /// No message repeats the URL itself: it may hold a password.
    public init(parsing text: String, field: String) throws {
        let shape = "give it as postgres://user:password@host:port/dbname?sslmode=disable"
        func refuse(_ problem: String) -> ServerError { .badURL(field: field, problem: "\(problem); \(shape)") }
        guard Self.isURL(text), let parts = URLComponents(string: text) else {
            throw refuse("is not a PostgreSQL URL (a space or other character that must be percent-encoded?)")
        }
        guard let host = parts.host, !host.isEmpty else { throw refuse("the URL has no host") }
        guard let user = parts.user, !user.isEmpty else { throw refuse("the URL has no user name") }
        if let port = parts.port, !(1...65535).contains(port) { throw refuse("port \(port) is out of range") }
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        guard !path.isEmpty, !path.contains("/") else { throw refuse("the URL names no single database after the host") }
        var mode = SSLMode.prefer
        for item in parts.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value, let parsed = SSLMode(rawValue: value) else {
                    throw refuse("sslmode '\(item.value ?? "")' is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                mode = parsed
            default:
                throw refuse("the URL parameter '\(item.name)' is not supported (only sslmode is)")
            }
        }
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = parts.port ?? 5432
        self.user = user
        self.password = parts.password
        self.database = path.removingPercentEncoding ?? path
        self.sslMode = mode
    }

    /// The URL without its password: what messages, `location` and logs show.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(user)@\(shownHost):\(port)/\(database)"
    }

    /// The same server and user, another database: how tests and `db init` reach `postgres` to create one.
    public func with(database: String) -> PostgresURL {
        var copy = self
        copy.database = database
        return copy
    }
}
