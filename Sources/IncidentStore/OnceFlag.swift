import Foundation
import GRDB
import IncidentCore

/// A flag set at most once, shared safely between threads.
final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
