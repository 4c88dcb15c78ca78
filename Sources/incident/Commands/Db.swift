import ArgumentParser
import Foundation
import IncidentCore
import IncidentStore

struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Set up a register (SQLite file or PostgreSQL database) and copy whole registers between them.",
        subcommands: [DbInit.self, DbCopy.self])
}

struct DbInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the register, or bring its schema up to date. Safe to run again.",
        discussion: """
            On SQLite this creates the file (as the first write would). On
            PostgreSQL it creates the tables in the database of the URL, which must
            exist. With --owner-role and --writer-role (both existing roles), the
            owner role owns every table and the writer role may only read and
            append: UPDATE, DELETE and TRUNCATE of events are revoked (and refused
            by triggers for everyone). See docs/team-setup.md.

            Example:
              incident db init \\
                --db postgres://incident_owner@db.internal:5432/incident \\
                --owner-role incident_owner --writer-role incident_writer
            """)

    @OptionGroup var register: RegisterOptions
    @Option(help: ArgumentHelp("PostgreSQL role to own the register's tables.", valueName: "role"))
    var ownerRole: String?
    @Option(help: ArgumentHelp("PostgreSQL role (usually a group of people's roles) that may read and append.", valueName: "role"))
    var writerRole: String?

    func validate() throws {
        if (ownerRole == nil) != (writerRole == nil) {
            throw ValidationError("--owner-role and --writer-role go together; give both or neither")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let location = try RegisterLocation.resolve(explicit: register.db, environment: environment)
        if ownerRole != nil, !PostgresURL.isURL(location) {
            throw ValidationError("--owner-role and --writer-role apply to a PostgreSQL register; give a postgres:// URL")
        }
        let store = try RegisterOpener.initialise(
            location, field: register.field, busyTimeout: try register.busyTimeout(environment),
            allowNetworkFS: register.allowNetworkFs)
        if let ownerRole, let writerRole, let postgres = store as? PostgresRegister {
            try postgres.grantRoles(owner: try role(ownerRole, "--owner-role"), writer: try role(writerRole, "--writer-role"))
        }
        Output.print("register ready: \(store.location) (\(try store.head().events) events)")
    }

    private func role(_ name: String, _ field: String) throws -> String {
        guard !name.isEmpty, name.count <= 63,
            name.unicodeScalars.allSatisfy({ "abcdefghijklmnopqrstuvwxyz0123456789_".unicodeScalars.contains($0) })
        else {
            throw ValidationError("\(field): '\(name)' is not a role name this tool sets up; use lowercase letters, digits and _")
        }
        return name
    }
}

struct DbCopy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole register to another backend, keeping its hash chain; both ends are verified.",
        discussion: """
            SOURCE and DEST are each a SQLite file or a postgres:// URL. The source
            must verify; the destination must hold no events (a new file, or a
            database after `incident db init`). The copy's checkpoint equals the
            source's.

            Examples:
              incident db copy ~/.local/share/incident/register.sqlite \\
                postgres://dana@db.internal/incident
              incident db copy postgres://auditor@db.internal/incident \\
                snapshot-2026-11-23.sqlite
            """)

    @Argument(help: "The register to copy (file or URL).") var source: String
    @Argument(help: "Where to copy it (a new file, or an initialised, empty database).") var destination: String
    @Flag(name: .long, help: "Allow a SQLite end on a network or FUSE file system.") var allowNetworkFs = false

    func run() throws {
        guard source != destination else {
            throw CopyRefusal.sameRegister(location: PostgresURL.isURL(source) ? "the same database" : source)
        }
        let from = try RegisterOpener.open(source, field: "SOURCE", create: false, allowNetworkFS: allowNetworkFs)
        let to = try RegisterOpener.open(destination, field: "DEST", create: true, allowNetworkFS: allowNetworkFs)
        let head = try from.copy(to: to)
        Output.print("copied and verified: \(to.location) (checkpoint \(head))")
    }
}
