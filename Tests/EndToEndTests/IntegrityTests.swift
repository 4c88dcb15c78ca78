import Foundation
import GRDB
import Testing

@Suite("End to end: verify and concurrent writers")
struct IntegrityTests {
    @Test("verify names the first altered event and exits 68")
    func tampered() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.logIncident()
        try cli.ok(["update", id, "--note", "original words"])
        try cli.ok(["update", id, "--note", "more"])
        let queue = try DatabaseQueue(path: cli.registerPath)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER events_refuse_update")
            try db.execute(sql: "UPDATE events SET payload = replace(payload, 'original', 'doctored') WHERE seq = 2")
        }
        let result = try cli.run(["verify"])
        #expect(result.status == 68)
        #expect(result.lines.first == "3 events checked, 2 valid")
        #expect(result.lines.contains { $0.hasPrefix("INVALID: event 2 \(id) hash does not match") })
        #expect(result.stderr.hasPrefix("error: verify:"))
    }

    @Test("eight processes writing at once all succeed, one unbroken chain", .tags(.slow), .enabled(if: SlowTier.isEnabled, SlowTier.note))
    func concurrentWriters() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.logIncident()
        let writers = 8
        let updatesEach = 100
        let failures = LockedCounter()
        let started = Date()
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            for update in 0..<updatesEach {
                let result = try? cli.run(["update", id, "--note", "writer \(writer) update \(update)", "--by", "writer-\(writer)"])
                if result?.status != 0 { failures.add(result?.stderr ?? "did not run") }
            }
        }
        #expect(failures.messages.isEmpty, "\(failures.messages.prefix(3))")
        let timeline = try #require(try cli.json(["timeline", id]) as? [[String: Any]])
        #expect(timeline.count == 1 + writers * updatesEach)
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)")
        print(
            "FIGURE concurrency: \(writers) processes x \(updatesEach) updates, \(timeline.count - 1) recorded, \(failures.messages.count) failures, \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
        )
    }
}

final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var store: [String] = []
    func add(_ message: String) {
        lock.lock()
        store.append(message)
        lock.unlock()
    }
    var messages: [String] {
        lock.lock()
        defer { lock.unlock() }
        return store
    }
}
