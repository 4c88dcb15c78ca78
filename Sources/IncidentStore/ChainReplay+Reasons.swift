import Foundation
import IncidentCore

/// How `verify` words what it found: a store error in its own words, and which fields of an incident differ.
extension ChainReplay {
    /// A store error's own words, without the advice meant for a command's one-line message.
    static func reason(_ error: any Error) -> String {
        if case StoreError.damaged(let reason) = error { return reason }
        return "\(error)"
    }

    /// Top-level JSON keys whose values differ, so the report names what was changed.
    static func differingFields(_ a: Incident, _ b: Incident) -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let left = try? JSONSerialization.jsonObject(with: encoder.encode(a)) as? [String: Any],
            let right = try? JSONSerialization.jsonObject(with: encoder.encode(b)) as? [String: Any]
        else { return ["(unknown)"] }
        return Set(left.keys).union(right.keys).sorted().filter { key in
            let l = left[key].flatMap { try? JSONSerialization.data(withJSONObject: [$0], options: .sortedKeys) }
            let r = right[key].flatMap { try? JSONSerialization.data(withJSONObject: [$0], options: .sortedKeys) }
            return l != r
        }
    }
}
