import Foundation
import Testing

// The slow tier: tests with many process kills or big corpora. They run when INCIDENT_SLOW_TESTS=1.
// (Defined here for the hardening branch; the test-tier work may define it elsewhere, to be reconciled.)
extension Tag {
    @Tag static var slow: Self
}

enum SlowTier {
    static let enabled = ProcessInfo.processInfo.environment["INCIDENT_SLOW_TESTS"] == "1"
}
