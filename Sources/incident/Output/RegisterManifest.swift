import IncidentCore
import IncidentStore

/// The small text file written beside a register export (`register-2026.csv.manifest.txt`): when it was made,
/// the register checkpoint its rows come from, the filter, and the export's SHA-256, so an auditor can tie the
/// file to the register (`incident verify --checkpoint`) and see that it was not edited since.
///
/// A sidecar rather than lines above the CSV header: a header block would break every CSV reader.
struct RegisterManifest {
    static let suffix = ".manifest.txt"

    var file: String
    var text: String
    var format: String
    var generatedAt: Timestamp
    var checkpoint: Checkpoint
    var from: Timestamp?
    var to: Timestamp?

    var lines: [String] {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return [
            "file: \(name)",
            "format: \(format)",
            "generated-at: \(generatedAt.iso8601)",
            "register-checkpoint: \(checkpoint)",
            "aware-at-from: \(from?.iso8601 ?? "(any)")",
            "aware-at-to: \(to?.iso8601 ?? "(any)")",
            "sha256: \(HashChain.sha256(text))",
            "check: sha256sum \(name); incident verify --checkpoint \(checkpoint)",
        ]
    }

    var contents: String { lines.joined(separator: "\n") + "\n" }
}
