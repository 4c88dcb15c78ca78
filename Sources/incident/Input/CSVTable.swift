import CSV
import Foundation
import IncidentCore

/// A CSV file with a header row, read whole and checked before anything is written.
///
/// Column names are matched loosely (`notice_hours`, `Notice Hours` and `notice-hours` are one column),
/// so a spreadsheet export works as it comes.
struct CSVTable {
    let file: String
    let header: [String]
    /// Each data row with the line it starts on, for error messages.
    let rows: [(line: Int, cells: [String: String])]

    init(file: String, known: Set<String>, required: Set<String>) throws {
        self.file = file
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(field: Field(file), problem: "cannot be read; check the path")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw InputError(field: Field(file), problem: "is not UTF-8 text; export it from your spreadsheet as CSV UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }  // spreadsheet byte-order mark
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true) } catch {
            throw InputError(field: Field(file), problem: "is not valid CSV (\(error))")
        }
        header = (reader.headerRow ?? []).map(Self.normalise)
        for column in header where !known.contains(column) {
            throw InputError(field: "\(file):1", problem: "unknown column '\(column)'; use \(known.sorted().joined(separator: ", "))")
        }
        for column in required.sorted() where !header.contains(column) {
            throw InputError(field: "\(file):1", problem: "the header has no '\(column)' column")
        }
        var rows: [(line: Int, cells: [String: String])] = []
        var line = 2
        while let row = reader.next() {
            let rowLines = row.reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
            if row.count == 1 && row[0].trimmingCharacters(in: .whitespaces).isEmpty {
                line += 1
                continue
            }
            guard row.count == header.count else {
                throw InputError(
                    field: "\(file):\(line)",
                    problem:
                        "has \(row.count) cells but the header has \(header.count); quote cells that contain commas, and close every quote")
            }
            rows.append((line, Dictionary(uniqueKeysWithValues: zip(header, row.map { $0.trimmingCharacters(in: .whitespaces) }))))
            line += 1 + rowLines
        }
        if let error = reader.error {
            throw InputError(field: "\(file):\(line)", problem: "is not valid CSV (\(error)); check for an unclosed quote")
        }
        self.rows = rows
    }

    /// A cell's list of values separated by `;` (emails, categories).
    static func list(_ cell: String?) -> [String] {
        (cell ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Runs a check of one row's cells; its error then names the file, the line and the column.
    static func named<T>(_ row: Field, _ check: () throws -> T) throws -> T {
        do { return try check() } catch let error as InputError where error.field != row && !error.field.name.hasPrefix(row.name) {
            let column = FlagNames.flag(for: error.field).trimmingCharacters(in: CharacterSet(charactersIn: "-")).lowercased()
            throw InputError(field: row, problem: "\(column): \(error.problem)", next: error.next)
        }
    }

    static func int(_ cell: String?, field: Field) throws -> Int? {
        guard let cell, !cell.isEmpty else { return nil }
        guard let value = Int(cell) else { throw InputError(field: field, problem: "'\(cell)' is not a whole number") }
        return value
    }

    /// A count cell, read as people type counts (`CountText`: 12000 or 12,000); an empty cell is nil.
    static func count(_ cell: String?, field: Field) throws -> Int? {
        guard let cell, !cell.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return try CountText.parse(cell, field: field)
    }

    private static func normalise(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(
            of: " ", with: "-")
    }
}
