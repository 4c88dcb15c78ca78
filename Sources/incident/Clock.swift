import Foundation
import IncidentCore
import IncidentStore

/// The moment the tool takes as now: the system clock, read once per process, to the second.
///
/// On a practice register, `INCIDENT_CLOCK` may pin it, so that a tour prints the same recorded times and
/// hashes on any day. A real register never takes a pinned clock: `check` refuses it before anything is
/// read or written, so nobody can use it to forge when the register wrote something.
enum Clock {
    static let variable = "INCIDENT_CLOCK"

    static func system() -> Timestamp { Timestamp(seconds: Int64(Date().timeIntervalSince1970.rounded(.down))) }

    /// The pinned time if `INCIDENT_CLOCK` holds one, else the system clock. Every command that reads it
    /// opens its register through `RegisterOptions.open`, which has refused a pin on a real register.
    static func now(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Timestamp {
        ((try? pinned(environment)) ?? nil) ?? system()
    }

    /// The time in `INCIDENT_CLOCK`; nil when it is not set or empty.
    static func pinned(_ environment: [String: String]) throws -> Timestamp? {
        guard let text = environment[variable], !text.isEmpty else { return nil }
        do { return try Timestamp.parse(text, field: Field(variable), now: system()) } catch let error as InputError {
            throw CommandError.environment(variable: variable, problem: error.problem)
        }
    }

    /// Before a register is opened or created: a pinned clock needs the practice register by name, or an
    /// existing file that may turn out to be one (checked by `check(opened:)`).
    static func check(path: String, practice: Bool, environment: [String: String]) throws {
        guard try pinned(environment) != nil, !practice, !FileManager.default.fileExists(atPath: path) else { return }
        throw refusal(path)
    }

    /// After opening: a pinned clock needs a register marked as practice.
    static func check(opened register: any RegisterStore, environment: [String: String]) throws {
        guard try pinned(environment) != nil, try !register.isPractice() else { return }
        throw refusal(register.location)
    }

    private static func refusal(_ path: String) -> CommandError { .pinnedClockOutsidePractice(location: path) }
}
