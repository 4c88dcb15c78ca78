import ArgumentParser
import Foundation
import IncidentCore
import IncidentStore

/// `--db`, shared by every command.
struct RegisterOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Register file, 'practice' for the practice register, or postgres://user:password@host:port/dbname (default: $INCIDENT_DB, else $XDG_DATA_HOME/incident/register.sqlite).",
            valueName: "path-or-url"))
    var db: String?

    @Flag(name: .long, help: "Open a SQLite register on a network or FUSE file system anyway (unsafe if two machines write).")
    var allowNetworkFs = false

    /// Opens the register; commands that write create a SQLite file on first use, commands that read do not.
    func open(create: Bool) throws -> any RegisterStore {
        let environment = ProcessInfo.processInfo.environment
        let location = try RegisterLocation.resolve(explicit: db, environment: environment)
        let practice = RegisterLocation.requestsPractice(explicit: db, environment: environment)
        try Clock.check(path: location, practice: practice, environment: environment)
        let register = try RegisterOpener.open(
            location, field: field, create: create, busyTimeout: try busyTimeout(environment),
            allowNetworkFS: allowNetworkFs, clock: { Clock.now() })
        if practice && create, let file = register as? Register { try file.markPractice() }
        try Clock.check(opened: register, environment: environment)
        return register
    }

    /// Where the location came from, for messages about it.
    var field: String { db == nil ? "INCIDENT_DB" : "--db" }

    func busyTimeout(_ environment: [String: String]) throws -> Double {
        guard let text = environment["INCIDENT_BUSY_TIMEOUT"] else { return Register.defaultBusyTimeout }
        guard let seconds = Double(text), seconds >= 0, seconds <= 3600 else {
            throw CommandError.environment(
                variable: "INCIDENT_BUSY_TIMEOUT", problem: "'\(text)' is not a number of seconds from 0 to 3600")
        }
        return seconds
    }
}

/// `--by` and `--at`, shared by every command that writes.
struct WriterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Who is recording this (default: $INCIDENT_ACTOR, else your login name).", valueName: "name"))
    var by: String?

    /// The moment the register records, read once per process: the only clock the tool reads.
    static func now() -> Timestamp { Clock.now() }

    func context(at: String? = nil) throws -> Context {
        let now = Self.now()
        let at = try at.map { try Timestamp.parse($0, field: .at, now: now) }
        return Context(actor: try actor(), now: now, at: at)
    }

    private func actor() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let by { return try TextRules.line(by, field: .actor, maxLength: 120) }
        if let fromEnv = environment["INCIDENT_ACTOR"], !fromEnv.isEmpty {
            return try TextRules.line(fromEnv, field: "INCIDENT_ACTOR", maxLength: 120)
        }
        for name in [environment["USER"], environment["LOGNAME"], getlogin().map { String(cString: $0) }] {
            if let name, !name.isEmpty { return try TextRules.line(name, field: "login name", maxLength: 120) }
        }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return try TextRules.line(String(cString: name), field: "login name", maxLength: 120)
        }
        throw CommandError.noActor
    }
}

/// `--json`, on every command that reports.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts (stable camelCase keys; see docs/json.md).")
    var json = false
}

/// Text that may be given inline or, as `-`, read from standard input (for long notes).
enum TextArgument {
    /// The most standard input is read: four UTF-8 bytes for each of the 100,000 characters the longest field
    /// allows. One byte more means too long, so a 1 GB pipe is refused after 400 KB, not read whole first.
    static let maxBytes = 400_000

    static func read(_ value: String, field: Field) throws -> String {
        guard value == "-" else { return value }
        let data = (try? FileHandle.standardInput.read(upToCount: maxBytes + 1)) ?? Data()
        if data.count > maxBytes {
            throw InputError(field: field, problem: "standard input is longer than \(maxBytes) bytes; keep the text to 100000 characters")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(field: field, problem: "standard input is not valid UTF-8; save the text as UTF-8 and try again")
        }
        return text
    }
}
