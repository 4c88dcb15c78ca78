import Foundation
import IncidentCore

extension Checkpoint {
    /// Parses `N:HASH` as `incident checkpoint` prints it.
    public static func parse(_ text: String, field: Field = .checkpoint) throws -> Checkpoint {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        let ascii = { (part: Substring, digits: String) in
            !part.isEmpty && part.unicodeScalars.allSatisfy { digits.unicodeScalars.contains($0) }
        }
        guard parts.count == 2, ascii(parts[0], "0123456789"), parts[0].count <= 18, let events = Int64(parts[0]),
            parts[1].count == 64, ascii(parts[1], "0123456789abcdef"),
            events > 0 || parts[1] == HashChain.genesis
        else {
            throw InputError(field: field, problem: "'\(text)' is not a checkpoint; give it as N:64-hex-digits", next: .checkpointFormat)
        }
        return Checkpoint(events: events, hash: String(parts[1]))
    }
}
