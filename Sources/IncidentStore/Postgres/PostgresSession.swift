import Foundation
import PostgresNIO

/// One connection to PostgreSQL, used synchronously.
///
/// The CLI is synchronous, so each query's `EventLoopFuture` is waited for on the calling thread while the
/// connection's I/O runs on NIO's event loop threads (never on Swift's cooperative pool, which a blocked caller
/// could starve). The connection is closed by `close()` or when the session goes away.
final class PostgresSession: @unchecked Sendable {
    let url: PostgresURL
    private let connection: PostgresConnection
    private var closed = false

    /// Quiet: PostgresNIO's logs are for servers; this program reports through its own errors.
    static let logger: Logger = {
        var logger = Logger(label: "incident.postgres")
        logger.logLevel = .critical
        return logger
    }()

    /// A parameter of a query.
    enum Value: Sendable {
        case text(String?)
        case int(Int64?)
        case bool(Bool)
    }

    private init(url: PostgresURL, connection: PostgresConnection) {
        self.url = url
        self.connection = connection
    }

    /// Connects and logs in, or throws the `ServerError` a person can act on.
    static func connect(_ url: PostgresURL) throws -> PostgresSession {
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch url.sslMode {
            case .disable:
                tls = .disable
            case .prefer, .require:
                // libpq's `prefer` and `require` encrypt without checking the certificate.
                var config = TLSConfiguration.makeClientConfiguration()
                config.certificateVerification = .none
                let context = try NIOSSLContext(configuration: config)
                tls = url.sslMode == .prefer ? .prefer(context) : .require(context)
            case .verifyCA, .verifyFull:
                var config = TLSConfiguration.makeClientConfiguration()
                config.certificateVerification = url.sslMode == .verifyFull ? .fullVerification : .noHostnameVerification
                tls = .require(try NIOSSLContext(configuration: config))
            }
        } catch {
            throw ServerError.tls(location: url.description, reason: "\(error)")
        }
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        do {
            let connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger
            ).wait()
            return PostgresSession(url: url, connection: connection)
        } catch {
            throw map(error, url: url)
        }
    }

    deinit { close() }

    /// Closes the connection, waiting for it, so the process never exits with a socket half-shut.
    func close() {
        guard !closed else { return }
        closed = true
        // Bounded: a connection the server already dropped must not keep the process from exiting.
        let done = DispatchSemaphore(value: 0)
        connection.close().whenComplete { _ in done.signal() }
        _ = done.wait(timeout: .now() + 5)
    }

    /// Runs one statement with `$1…` parameters and returns every row.
    @discardableResult
    func query(_ sql: String, _ values: [Value] = []) throws -> [PostgresRandomAccessRow] {
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .text(let text?): binds.append(text)
            case .int(let number?): binds.append(number)
            case .bool(let flag): binds.append(flag)
            case .text(nil), .int(nil): binds.appendNull()
            }
        }
        do {
            let result = try answer(connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: Self.logger))
            return result.rows.map { $0.makeRandomAccess() }
        } catch {
            throw Self.map(error, url: url)
        }
    }

    /// No statement of this program runs anywhere near this long; a server that stops answering without
    /// closing the connection must not hang the command.
    static let answerTimeout: Double = 120

    /// Waits for a query's answer for at most `answerTimeout` seconds; past that the connection is closed and
    /// the server counts as unreachable (exit 75). The transaction, never committed, is rolled back by the server.
    private func answer<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        future.whenComplete { result in
            outcome.set(result)
            done.signal()
        }
        guard done.wait(timeout: .now() + Self.answerTimeout) == .success, let result = outcome.get() else {
            let closing: EventLoopFuture<Void> = connection.close()
            _ = closing
            throw ServerError.unreachable(location: url.description, reason: "no answer within \(Int(Self.answerTimeout)) s")
        }
        return try result.get()
    }

    /// Runs several statements without parameters (migrations, tests), one at a time: the driver sends each
    /// query as a prepared statement, which holds one command.
    func script(_ sql: String) throws {
        for statement in Self.statements(sql) { try query(statement) }
    }

    /// Splits SQL at the semicolons that end statements: not inside '…' strings, $$…$$ bodies or -- comments.
    static func statements(_ sql: String) -> [String] {
        var result: [String] = []
        var current = ""
        var inString = false
        var inBody = false
        var characters = Array(sql)[...]
        while let character = characters.popFirst() {
            if !inString, character == "$", characters.first == "$" {
                characters.removeFirst()
                current += "$$"
                inBody.toggle()
                continue
            }
            if !inString, !inBody, character == "-", characters.first == "-" {
                while let next = characters.first, next != "\n" { characters.removeFirst() }
                continue
            }
            if !inBody, character == "'" { inString.toggle() }
            if !inString, !inBody, character == ";" {
                let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !statement.isEmpty { result.append(statement) }
                current = ""
                continue
            }
            current.append(character)
        }
        let last = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !last.isEmpty { result.append(last) }
        return result
    }

    /// Runs `body` in a transaction, committing if it returns. A serialisation failure or deadlock (40001, 40P01)
    /// rolls back and runs `body` again, a bounded number of times; then it fails closed with nothing written.
    func transaction<T>(readOnly: Bool = false, attempts: Int = 8, _ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                try query(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN ISOLATION LEVEL READ COMMITTED")
                let result = try body()
                try query("COMMIT")
                return result
            } catch let error as RetryableFailure {
                _ = try? query("ROLLBACK")
                if attempt >= attempts { throw ServerError.contended(location: url.description, attempts: attempt) }
                // A short, growing pause lets the other writer finish instead of colliding again at once.
                usleep(useconds_t(1000 * attempt * attempt))
                _ = error
            } catch let error as ServerError {
                if case .unreachable = error { throw error }  // the connection is gone; nothing to roll back
                _ = try? query("ROLLBACK")
                throw error
            } catch {
                _ = try? query("ROLLBACK")
                throw error
            }
        }
    }

    /// A failure that a fresh attempt of the whole transaction may not meet.
    struct RetryableFailure: Error {}

    /// The SQLSTATE of a server error, if the failure is one.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// Turns a driver failure into the one-line error a person can act on. Only the redacted URL appears.
    static func map(_ error: any Error, url: PostgresURL) -> any Error {
        let location = url.description
        if error is ServerError || error is StoreError || error is RetryableFailure { return error }
        // The simple-query protocol (migrations) reports through the driver's older error type.
        if let legacy = error as? PostgresError {
            switch legacy {
            case .server(let server):
                if let state = server.fields[.sqlState] {
                    return map(state: state, message: server.fields[.message] ?? state, url: url)
                }
                return ServerError.server(location: location, reason: server.fields[.message] ?? "unknown")
            case .connectionClosed:
                return ServerError.unreachable(location: location, reason: "the server closed the connection")
            case .protocol(let message):
                return ServerError.server(location: location, reason: message)
            }
        }
        guard let error = error as? PSQLError else {
            return ServerError.unreachable(location: location, reason: "\(type(of: error))")
        }
        if let state = error.serverInfo?[.sqlState] {
            return map(state: state, message: error.serverInfo?[.message] ?? state, url: url)
        }
        switch error.code {
        case .sslUnsupported:
            return ServerError.tls(location: location, reason: "the server does not offer TLS")
        case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            return ServerError.unreachable(location: location, reason: reason(error))
        default:
            return ServerError.server(location: location, reason: "\(error.code)")
        }
    }

    /// A server's refusal by its SQLSTATE.
    private static func map(state: String, message: String, url: PostgresURL) -> any Error {
        let location = url.description
        switch state {
        case "40001", "40P01": return RetryableFailure()
        case "28P01", "28000": return ServerError.authentication(location: location, user: url.user)
        case "3D000": return ServerError.noDatabase(location: location, database: url.database)
        case "42501": return ServerError.permission(location: location, reason: message)
        case "57P01", "57P02", "57P03", "53300": return ServerError.unreachable(location: location, reason: message)
        case "55P03": return ServerError.contended(location: location, attempts: 1)
        case "P0001": return StoreError.damaged(reason: message)
        default: return ServerError.server(location: location, reason: "\(message) (SQLSTATE \(state))")
        }
    }

    /// A short cause for an unreachable server, from the socket error underneath.
    private static func reason(_ error: PSQLError) -> String {
        let text = error.underlying.map { "\($0)" } ?? "\(error.code)"
        if text.contains("refused") { return "connection refused" }
        if text.contains("timed out") || text.contains("Timeout") || text.contains("timeout") { return "connection timed out" }
        if text.contains("NXDOMAIN") || text.contains("resolve") || text.contains("lookup") { return "host name not found" }
        if error.code == .serverClosedConnection || error.code == .uncleanShutdown { return "the server closed the connection" }
        return "connection failed"
    }
}

/// A query's result handed from an event loop thread to the waiting caller.
private final class Outcome<T: Sendable>: @unchecked Sendable {
    private var result: Result<T, any Error>?
    private let lock = NSLock()
    func set(_ value: Result<T, any Error>) {
        lock.lock()
        result = value
        lock.unlock()
    }
    func get() -> Result<T, any Error>? {
        lock.lock()
        defer { lock.unlock() }
        return result
    }
}

extension PostgresRandomAccessRow {
    /// Text at `index`; a missing or mistyped value is damage, never a crash.
    func text(_ index: Int) throws -> String {
        guard let value = try optionalText(index) else { throw StoreError.damaged(reason: "a required column is empty") }
        return value
    }

    func optionalText(_ index: Int) throws -> String? {
        do { return try self[index].decode(String?.self) } catch {
            throw StoreError.damaged(reason: "column \(index) is not text")
        }
    }

    func int(_ index: Int) throws -> Int {
        guard let value = try optionalInt(index) else { throw StoreError.damaged(reason: "a required number is empty") }
        return value
    }

    func optionalInt(_ index: Int) throws -> Int? {
        do { return try self[index].decode(Int?.self) } catch {
            throw StoreError.damaged(reason: "column \(index) is not a number")
        }
    }
}
