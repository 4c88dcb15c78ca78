import Foundation
import IncidentCore
import IncidentNotices
import IncidentStore

/// The exit codes, documented in docs/exit-codes.md. 64 and below are swift-argument-parser's and sysexits';
/// 67 and 68 are this tool's own meanings.
enum ExitStatus: Int32 {
    /// `due`: something is late. Not an error of the command, but what monitoring watches for.
    case overdue = 1
    case invalidData = 65
    case notFound = 66
    case refused = 67
    case integrityFailure = 68
    case internalError = 70
    case unreadable = 74
    case busy = 75
    case cannotCreate = 73
    case configuration = 78
}

/// A failure as the user sees it: one line on stderr and an exit code.
struct Failure: Error {
    var message: String
    var code: Int32

    init(_ message: String, _ status: ExitStatus) {
        self.message = message
        self.code = status.rawValue
    }

    /// For codes that come from elsewhere (argument-parser's usage errors).
    init(_ message: String, _ code: Int32) {
        self.message = message
        self.code = code
    }

    /// The one mapping from every error of the core, the store, the notices and the CLI to a line and an exit
    /// code; nil for errors argument-parser should report.
    init?(_ error: any Error) {
        switch error {
        case let error as InputError:
            let field = FlagNames.flag(for: error.field)
            // "did you mean x?" reads on into the next step without a semicolon.
            let joint = error.problem.hasSuffix("?") ? " " : "; "
            self.init(
                "\(field): \(error.problem)" + (error.next.map { joint + NextStepText.text($0, field: error.field) } ?? ""), .invalidData)
        case let error as WorkflowRefusal:
            self.init("cannot \(error.step) \(error.incident): " + error.unmet.map(NextStepText.unmet).joined(separator: "; "), .refused)
        case let error as PossibleDuplicate: self.init("\(error); if it is a different incident, add --allow-duplicate", .refused)
        case let error as TemplateError: self.init("template: \(error)", .configuration)
        case let error as SafeFile.Refused: self.init("export: \(error)", .cannotCreate)
        case let error as ReplayError: self.init("register history is inconsistent: \(error); run `incident verify`", .integrityFailure)
        case let error as StoreError: self.init(store: error)
        case let error as ServerError: self.init(server: error)
        case let error as CopyRefusal: self.init(copy: error)
        case let error as CommandError: self.init(command: error)
        case is DecodingError: self.init("register: stored data is damaged (\(error)); run `incident verify`", .integrityFailure)
        default: return nil
        }
    }

    private init(store error: StoreError) {
        switch error {
        case .missing(let path):
            self.init("register: no register at \(path); log an incident to create it, or pass --db PATH / set INCIDENT_DB", .notFound)
        case .notFound(let id): self.init("ID: no incident \(id) in this register; `incident list` shows the ids", .notFound)
        case .busy, .contended: self.init(error.description, .busy)
        case .unreadable: self.init(error.description, .unreadable)
        case .noLocation: self.init(error.description, .configuration)
        case .damaged(let reason):
            self.init("register: stored data is damaged (\(reason)); run `incident verify` and restore from a backup", .integrityFailure)
        case .unwritable: self.init("backup: \(error.description)", .cannotCreate)
        case .internalFailure: self.init(error.description, .internalError)
        case .clockBehind: self.init(error.description, .configuration)
        case .networkFileSystem: self.init(error.description, .configuration)
        }
    }

    private init(command error: CommandError) {
        switch error {
        case .environment(let variable, let problem): self.init("\(variable): \(problem)", .configuration)
        case .pinnedClockOutsidePractice(let location):
            self.init(
                "\(Clock.variable) is honoured only on a practice register (--db practice), not on \(location); unset it", .configuration)
        case .noActor: self.init("--by: no login name could be found; pass --by NAME or set INCIDENT_ACTOR", .configuration)
        case .organisationNotSet: self.init("org: not set yet; run `incident org set --name NAME --email ADDRESS`", .notFound)
        case .noNoticeMatches(let id, let version):
            let what = version.map { "version \($0) of the notice" } ?? "drafted notice"
            self.init("\(id): no \(what) matches; `incident notice list \(id)` shows the versions", .notFound)
        case .finalNoticeGaps(let id, let customers):
            self.init(
                "notice check: \(customers) customer(s)' final notice would leave items unknown; record them with "
                    + "`incident update \(id) --cannot-determine ITEM --reason TEXT` if they cannot be found out", .invalidData)
        case .verifyFailed(let count, let first): self.init("verify: \(count) problem(s) found; the first: \(first)", .integrityFailure)
        case .overdue(let count): self.init("due: \(count) notice(s) overdue", .overdue)
        }
    }

    func exit() -> Never {
        // One line, always: a multi-line message from below is folded so scripts can read it.
        let line = message.replacingOccurrences(of: "\n", with: " ")
        StandardStream.error("error: \(line)\n")
        Foundation.exit(code)
    }
}
