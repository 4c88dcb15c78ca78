import Foundation

/// `INC-YYYY-NNNN`: the year the processor became aware, and a sequence within that year.
public struct IncidentID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let number: Int

    public init(year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    public var description: String {
        let digits = String(number)
        return "INC-\(year)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    public static func < (lhs: IncidentID, rhs: IncidentID) -> Bool { (lhs.year, lhs.number) < (rhs.year, rhs.number) }

    /// Parses `INC-2026-0001` (any case; the number may be written with fewer leading zeros).
    public static func parse(_ raw: String, field: Field = .incident) throws -> IncidentID {
        // The stored form, read for every event by `verify` and every row by `list`, without Foundation's trimming.
        if let id = canonical(raw) { return id }
        let parts = raw.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "-", omittingEmptySubsequences: false)
        let digits = { (part: Substring) in !part.isEmpty && part.count <= 9 && part.allSatisfy { $0.isASCII && $0.isNumber } }
        guard parts.count == 3, parts[0] == "INC", parts[1].count == 4, digits(parts[1]), digits(parts[2]),
            let year = Int(parts[1]), let number = Int(parts[2]), number > 0
        else {
            throw InputError(field: field, problem: "'\(raw)' is not an incident id; ids look like INC-2026-0001", next: .listIncidents)
        }
        return IncidentID(year: year, number: number)
    }

    /// `INC-YYYY-N…` exactly (upper case, no spaces, a number of 1 to 9 digits above zero), else nil: what `parse`
    /// reads the same way in its general path.
    static func canonical(_ raw: String) -> IncidentID? {
        let read = raw.utf8.withContiguousStorageIfAvailable { b -> IncidentID? in
            guard b.count >= 10, b.count <= 18, b[0] == 0x49, b[1] == 0x4E, b[2] == 0x43, b[3] == 0x2D, b[8] == 0x2D else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    guard (0x30...0x39).contains(b[index]) else { return nil }
                    value = value * 10 + Int(b[index] - 0x30)
                }
                return value
            }
            guard let year = number(4..<8), let number = number(9..<b.count), number > 0 else { return nil }
            return IncidentID(year: year, number: number)
        }
        return read ?? nil
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try IncidentID.parse(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad incident id \(text)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
