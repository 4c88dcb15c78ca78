import Foundation
import IncidentCore
import IncidentNotices
import IncidentStore

/// The exit codes, documented in docs/exit-codes.md. 64 and below are swift-argument-parser's and sysexits';
/// 67 and 68 are this tool's own meanings.
enum ExitStatus: Int32 {
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

    /// Maps the errors of the core and the store; nil for errors argument-parser should report.
    init?(_ error: any Error) {
        switch error {
        case let error as InputError: self.init(error.description, .invalidData)
        case let error as WorkflowRefusal: self.init(error.description, .refused)
        case let error as TemplateError: self.init("template: \(error)", .configuration)
        case let error as ExportFile.Refused: self.init("export: \(error)", .cannotCreate)
        case let error as ReplayError: self.init("register history is inconsistent: \(error); run `incident verify`", .integrityFailure)
        case let error as StoreError:
            switch error {
            case .missing, .notFound: self.init(error.description, .notFound)
            case .busy: self.init(error.description, .busy)
            case .unreadable: self.init(error.description, .unreadable)
            case .noLocation: self.init(error.description, .configuration)
            case .damaged: self.init(error.description, .integrityFailure)
            case .unwritable: self.init("backup: \(error.description)", .cannotCreate)
            case .internalFailure: self.init(error.description, .internalError)
            case .clockBehind: self.init(error.description, .configuration)
            }
        case is DecodingError: self.init("register: stored data is damaged (\(error)); run `incident verify`", .integrityFailure)
        default: return nil
        }
    }

    func exit() -> Never {
        // One line, always: a multi-line message from below is folded so scripts can read it.
        let line = message.replacingOccurrences(of: "\n", with: " ")
        FileHandle.standardError.write(Data("error: \(line)\n".utf8))
        Foundation.exit(code)
    }
}
