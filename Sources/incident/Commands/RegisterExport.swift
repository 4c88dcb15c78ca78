import ArgumentParser
import Foundation
import IncidentCore
import IncidentNotices
import IncidentStore

struct RegisterExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Export the GDPR Art. 33(5) record of every incident as CSV or JSON.",
        discussion: """
            For each incident: the facts, its effects, the actions taken, when each
            phase began, which customers were notified and when, and which were ruled
            out and why. --from/--to filter on the awareness time.

            CSV has one row per incident and affected customer, with the customer's
            deadline, first notice and how late it was. With --out, a file
            FILE.manifest.txt beside it gives the generation time, the register
            checkpoint the rows come from and the export's SHA-256.

            Example:
              incident register --format csv --from 2026-01-01T00:00:00Z \\
                --out register-2026.csv
            """)

    @OptionGroup var register: RegisterOptions
    @Option(help: "csv or json.") var format: String
    @Option(help: ArgumentHelp("Only incidents we became aware of at or after this time.", valueName: "time")) var from: String?
    @Option(help: ArgumentHelp("Only incidents we became aware of at or before this time.", valueName: "time")) var to: String?
    @Option(help: "Write to this file (0600, never through a symlink) instead of standard output.") var out: String?
    @Flag(help: "Replace --out and its manifest if they exist.") var force = false

    func run() throws {
        let now = WriterOptions.now()
        let from = try from.map { try Timestamp.parse($0, field: "--from", now: now) }
        let to = try to.map { try Timestamp.parse($0, field: "--to", now: now) }
        guard format == "csv" || format == "json" else { throw InputError(field: "--format", problem: "'\(format)' is not csv or json") }
        let manifest = out.map { $0 + RegisterManifest.suffix }
        if let out, let manifest {
            for path in [out, manifest] { if force { try SafeFile.checkReplaceable(path) } else { try SafeFile.checkFree(path) } }
        }
        let store = try register.open(create: false)
        // The checkpoint names exactly the state the rows come from: read it before and after, and read again
        // if someone wrote in between.
        for _ in 1...5 {
            let head = try store.head()
            let text = try export(store, from: from, to: to, now: now)
            guard try store.head() == head else { continue }
            guard let out, let manifest else { return Output.raw(text) }
            try SafeFile.write(text, to: out, force: force)
            do {
                let about = RegisterManifest(
                    file: out, text: text, format: format, generatedAt: now, checkpoint: head, from: from, to: to)
                try SafeFile.write(about.contents, to: manifest, force: force)
            } catch {
                if !force { SafeFile.remove(out) }
                throw error
            }
            return
        }
        throw StoreError.contended(path: store.location, attempts: 5)
    }

    private func export(_ store: any RegisterStore, from: Timestamp?, to: Timestamp?, now: Timestamp) throws -> String {
        var text = format == "csv" ? CSVWriter.row(RegisterCSV.columns) : "[\n"
        var first = true
        let customers = try store.directory().customers
        try store.forEachRecord(from: from, to: to) { record in
            if format == "csv" {
                for row in RegisterCSV.rows(record, customers: customers, now: now) { text += CSVWriter.row(row) }
            } else {
                text += (first ? "" : ",\n") + (try Self.json(record))
                first = false
            }
        }
        if format == "json" { text += (first ? "" : "\n") + "]\n" }
        return text
    }

    private struct RecordJSON: Encodable {
        var incident: Incident
        var phaseHistory: [RegisterRecord.PhaseEntry]
        var customersNotified: [RegisterRecord.Notified]
        var customersRuledOut: [[String: String]]
        private enum Keys: String, CodingKey { case phaseHistory, customersNotified, customersRuledOut }

        func encode(to encoder: any Encoder) throws {
            try incident.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(phaseHistory, forKey: .phaseHistory)
            try container.encode(customersNotified, forKey: .customersNotified)
            try container.encode(customersRuledOut, forKey: .customersRuledOut)
        }
    }

    static func json(_ r: RegisterRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let ruledOut = r.incident.shares.compactMap { s in
            s.ruledOut.map { ["customer": s.customer, "reason": $0.reason, "at": $0.at.iso8601, "by": $0.by] }
        }
        let value = RecordJSON(
            incident: r.incident, phaseHistory: r.phaseHistory, customersNotified: r.notified, customersRuledOut: ruledOut)
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
