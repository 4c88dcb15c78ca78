extension RegisterLocation {
    /// `--db practice` or `INCIDENT_DB=practice`: the practice register beside the default one.
    public static let practiceName = "practice"
    public static let practiceFileName = "practice.sqlite"

    /// Where the practice register lives: `$XDG_DATA_HOME/incident/practice.sqlite`, else
    /// `~/.local/share/incident/practice.sqlite`. Never anywhere `--db` or `INCIDENT_DB` points.
    public static func practicePath(environment: [String: String]) throws -> String {
        try dataFolder(environment: environment) + "/" + practiceFileName
    }

    /// True when the flag or the environment asks for the practice register by name.
    public static func requestsPractice(explicit: String?, environment: [String: String]) -> Bool {
        if let explicit { return explicit == practiceName }
        return environment["INCIDENT_DB"] == practiceName
    }
}
