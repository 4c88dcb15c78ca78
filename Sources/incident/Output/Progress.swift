import ArgumentParser
import Foundation
import IncidentCore
import IncidentNotices
import IncidentStore

/// A progress bar on stderr, only when stderr is a terminal and the batch is long enough to need one.
struct Progress {
    let total: Int
    private var done = 0
    private let visible: Bool

    init(total: Int) {
        self.total = total
        visible = total >= 20 && isatty(STDERR_FILENO) == 1
    }

    mutating func advance() {
        done += 1
        guard visible, done % max(1, total / 100) == 0 || done == total else { return }
        let width = 30
        let filled = width * done / max(total, 1)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        StandardStream.error("\r[\(bar)] \(done)/\(total)")
    }

    func finish() {
        if visible { StandardStream.error("\n") }
    }
}
