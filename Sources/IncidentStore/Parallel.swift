import Foundation

/// Independent work spread over every core, the results kept in input order.
///
/// For batches whose items share nothing (rendering a thousand notices, encoding their payloads): the caller
/// keeps everything that must happen in order (appending to the register, naming files, progress) on its own
/// thread and hands only pure per-item work here.
public enum Parallel {
    /// What an item not yet started gets once another has failed, with `stoppingAtFirstError`.
    public struct Skipped: Error {}

    /// `transform` applied to each item, on as many threads as there are cores; element `i` of the result
    /// is item `i`'s value or the error it threw. Items are taken in interleaved lanes, so lanes finish together.
    /// With `stoppingAtFirstError`, once an item has failed no item after it starts: those get `Skipped`. Items
    /// before it still run, so the first failure in input order is always a real one, whichever lane was faster.
    public static func map<Item: Sendable, Value: Sendable>(
        _ items: [Item], stoppingAtFirstError: Bool = false, _ transform: @Sendable (Item) throws -> Value
    ) -> [Result<Value, any Error>] {
        let lanes = min(items.count, max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)))
        guard lanes > 1 else {
            var failed = false
            return items.map { item in
                if stoppingAtFirstError && failed { return .failure(Skipped()) }
                let result = Result { try transform(item) }
                if case .failure = result { failed = true }
                return result
            }
        }
        let failure = LowestIndex()
        var results = [Result<Value, any Error>?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each index is written by exactly one lane and read only after every lane has finished.
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                var index = lane
                while index < items.count {
                    if stoppingAtFirstError && index > failure.value {
                        output[index] = .failure(Skipped())
                    } else {
                        let result = Result { try transform(items[index]) }
                        if case .failure = result { failure.lower(to: index) }
                        output[index] = result
                    }
                    index += lanes
                }
            }
        }
        return results.map { $0! }
    }

    /// `transform` applied to each item on every core; the values in input order, or the first error in input
    /// order: every item runs, so the error is the one a loop would have met first, every time.
    public static func mapThrowing<Item: Sendable, Value: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) throws -> Value
    ) throws -> [Value] {
        try map(items, transform).map { try $0.get() }
    }

    /// The first error in input order that is not `Skipped`.
    public static func firstError<Value>(_ results: [Result<Value, any Error>]) -> (any Error)? {
        for case .failure(let error) in results where !(error is Skipped) { return error }
        return nil
    }
}

/// The lowest index that failed so far, shared between lanes.
private final class LowestIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var lowest = Int.max

    var value: Int { lock.withLock { lowest } }
    func lower(to index: Int) { lock.withLock { lowest = min(lowest, index) } }
}
