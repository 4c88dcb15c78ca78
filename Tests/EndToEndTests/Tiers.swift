import Foundation
import Testing

extension Tag {
    /// Tests that take minutes on a debug build: the whole hostile corpus through the binary, SIGKILL crashes,
    /// many concurrent writers. They run only with `INCIDENT_SLOW_TESTS=1`, as CI does (.ci/run).
    @Tag static var slow: Self
}

/// Whether this run includes the slow tier; use with `.tags(.slow)`: `.enabled(if: SlowTier.isEnabled, SlowTier.note)`.
enum SlowTier {
    static let isEnabled = ProcessInfo.processInfo.environment["INCIDENT_SLOW_TESTS"] == "1"
    static let note: Comment = "slow tier: runs with INCIDENT_SLOW_TESTS=1"
}
