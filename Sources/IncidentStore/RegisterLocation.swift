/// Where the register lives: `--db`, else `$INCIDENT_DB`, else `$XDG_DATA_HOME/incident/register.sqlite`,
/// else `~/.local/share/incident/register.sqlite`. The name `practice` in either stands for the practice
/// register in the same folder (`RegisterLocation+Practice.swift`).
public enum RegisterLocation {
    public static let fileName = "register.sqlite"

    /// Resolves the path from the flag and an environment (passed in, so tests choose it).
    public static func resolve(explicit: String?, environment: [String: String]) throws -> String {
        if let explicit {
            // An empty --db is nearly always an unset shell variable: never fall back to another register.
            guard !explicit.isEmpty else { throw StoreError.noLocation(reason: "--db is empty; give the register's path") }
            return explicit == practiceName ? try practicePath(environment: environment) : explicit
        }
        if let fromEnv = environment["INCIDENT_DB"], !fromEnv.isEmpty {
            return fromEnv == practiceName ? try practicePath(environment: environment) : fromEnv
        }
        return try dataFolder(environment: environment) + "/" + fileName
    }

    /// `$XDG_DATA_HOME/incident`, else `~/.local/share/incident`.
    static func dataFolder(environment: [String: String]) throws -> String {
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return "\(xdg)/incident"
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else {
            throw StoreError.noLocation(reason: "HOME is not set; pass --db PATH or set INCIDENT_DB")
        }
        return "\(home)/.local/share/incident"
    }
}
