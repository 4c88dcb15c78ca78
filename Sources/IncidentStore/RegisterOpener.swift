import IncidentCore

/// Opening a register from its location: a `postgres://` URL or a SQLite file path.
public enum RegisterOpener {
    /// Opens the register at `location`. `field` names where the location came from, for messages.
    /// A SQLite file on a network file system is refused unless `allowNetworkFS`.
    public static func open(
        _ location: String, field: String, create: Bool, busyTimeout: Double = Register.defaultBusyTimeout,
        allowNetworkFS: Bool = false, clock: @escaping @Sendable () -> Timestamp = Register.systemClock
    ) throws -> any RegisterStore {
        if PostgresURL.isURL(location) {
            return try PostgresRegister(url: PostgresURL(parsing: location, field: field), busyTimeout: busyTimeout)
        }
        try checkLocal(location, allowNetworkFS: allowNetworkFS)
        return try Register(path: location, create: create, busyTimeout: busyTimeout, clock: clock)
    }

    /// Creates the register, or brings its schema up to date: `incident db init`.
    public static func initialise(
        _ location: String, field: String, busyTimeout: Double = Register.defaultBusyTimeout,
        allowNetworkFS: Bool = false
    ) throws -> any RegisterStore {
        if PostgresURL.isURL(location) {
            return try PostgresRegister.initialise(url: PostgresURL(parsing: location, field: field))
        }
        try checkLocal(location, allowNetworkFS: allowNetworkFS)
        return try Register(path: location, create: true, busyTimeout: busyTimeout)
    }

    static func checkLocal(_ path: String, allowNetworkFS: Bool) throws {
        guard !allowNetworkFS, let kind = NetworkFileSystem.kind(of: path) else { return }
        throw StoreError.networkFileSystem(path: path, kind: kind)
    }
}
