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

            Example:
              incident register --format csv --from 2026-01-01T00:00:00Z \\
                --out register-2026.csv
            """)

    @OptionGroup var register: RegisterOptions
    @Option(help: "csv or json.") var format: String
    @Option(help: ArgumentHelp("Only incidents we became aware of at or after this time.", valueName: "time")) var from: String?
    @Option(help: ArgumentHelp("Only incidents we became aware of at or before this time.", valueName: "time")) var to: String?
    @Option(help: "Write to this file (0600, never through a symlink) instead of standard output.") var out: String?
    @Flag(help: "Replace --out if it exists.") var force = false

    static let columns = [
        "id", "title", "severity", "phase", "aware_at", "occurred_from", "occurred_to", "detected_at", "source", "nature",
        "systems", "regions", "data_categories", "subject_categories", "records", "subjects", "consequences", "actions",
        "notes", "phase_history", "customers_notified", "customers_ruled_out", "closed_at", "closing_summary",
    ]

    func run() throws {
        let now = WriterOptions.now()
        let from = try from.map { try Timestamp.parse($0, field: "--from", now: now) }
        let to = try to.map { try Timestamp.parse($0, field: "--to", now: now) }
        guard format == "csv" || format == "json" else { throw InputError(field: "--format", problem: "'\(format)' is not csv or json") }
        var text = format == "csv" ? CSVWriter.row(Self.columns) : "[\n"
        var first = true
        try register.open(create: false).forEachRecord(from: from, to: to) { record in
            if format == "csv" {
                text += CSVWriter.row(Self.cells(record))
            } else {
                text += (first ? "" : ",\n") + (try Self.json(record))
                first = false
            }
        }
        if format == "json" { text += (first ? "" : "\n") + "]\n" }
        if let out { try SafeFile.write(text, to: out, force: force) } else { Output.raw(text) }
    }

    static func cells(_ r: RegisterRecord) -> [String] {
        let i = r.incident
        func lines(_ values: [String]) -> String { values.joined(separator: "\n") }
        return [
            i.id.description, i.title, i.severity.rawValue, i.phase.rawValue, i.awareAt.iso8601, i.occurredFrom?.iso8601 ?? "",
            i.occurredTo?.iso8601 ?? "", i.detectedAt?.iso8601 ?? "", i.source, i.nature, lines(i.systems), lines(i.regions),
            lines(i.dataCategories), lines(i.subjectCategories), i.records.map(String.init) ?? "", i.subjects.map(String.init) ?? "",
            lines(i.consequences), lines(i.actions.map { "\($0.takenAt) \($0.phase)/\($0.kind) \($0.takenBy): \($0.text)" }),
            lines(i.notes.map { "\($0.at) \($0.by): \($0.text)" }),
            lines(r.phaseHistory.map { "\($0.at) \($0.phase) (\($0.by))" }),
            lines(r.notified.map { "\($0.sentAt) \($0.customer) v\($0.version) \($0.kind)" + ($0.via.map { " via \($0)" } ?? "") }),
            lines(i.shares.compactMap { s in s.ruledOut.map { "\($0.at) \(s.customer): \($0.reason)" } }),
            i.closedAt?.iso8601 ?? "", i.closingSummary ?? "",
        ]
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
