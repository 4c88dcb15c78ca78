import Foundation
import IncidentCore

/// Hashing and decoding are independent per event, so `verify` prepares each batch of events on every core;
/// the chain links and the fold into state stay in order (`ChainReplay.process`).
extension ChainReplay {
    static let batchSize = 4096

    enum Decoded {
        case incident(IncidentEvent)
        case directory(DirectoryEvent)
    }

    struct Prepared {
        var hash: String
        var decoded: Result<Decoded, any Error>
    }

    /// Hashes and decodes a batch of events on all cores.
    static func prepare(_ batch: [(content: HashChain.Content, stored: String)]) -> [Prepared] {
        var result = [Prepared](repeating: Prepared(hash: "", decoded: .failure(ReplayError(problem: "not prepared"))), count: batch.count)
        let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        result.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                var index = lane
                while index < batch.count {
                    let content = batch[index].content
                    let decoded = Result<Decoded, any Error> {
                        content.incident == nil ? .directory(try EventLog.directoryEvent(content)) : .incident(try EventLog.event(content))
                    }
                    output[index] = Prepared(hash: HashChain.hash(content), decoded: decoded)
                    index += lanes
                }
            }
        }
        return result
    }
}
