import IncidentCore

/// Failures the CLI itself finds (its environment, or a command's result), mapped with all the others in `Failure`.
enum CommandError: Error {
    /// An environment variable that cannot be used.
    case environment(variable: String, problem: String)
    /// `INCIDENT_CLOCK` set for a register that is not a practice register.
    case pinnedClockOutsidePractice(location: String)
    /// No login name to record as the actor.
    case noActor
    /// `org show` before `org set`.
    case organisationNotSet
    /// `notice export` matched no drafted version.
    case noNoticeMatches(IncidentID, version: Int?)
    /// `notice check` on a closed incident: final notices would leave items unknown with no recorded reason.
    case finalNoticeGaps(IncidentID, customers: Int)
    /// `verify` found problems (already printed one per line).
    case verifyFailed(count: Int, first: String)
}
