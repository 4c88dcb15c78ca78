/// How bad an incident is, as the response team judges it.
public enum Severity: String, Codable, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    case low, medium, high, critical

    /// The stored word, so interpolating a value costs no reflection (measured in `show`'s profile).
    public var description: String { rawValue }

    private var order: Int { Severity.allCases.firstIndex(of: self)! }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.order < rhs.order }

    public static func parse(_ text: String, field: Field = .severity) throws -> Severity {
        if let severity = Severity(rawValue: text.lowercased()) { return severity }
        throw InputError(field: field, problem: "'\(text)' is not a severity; use low, medium, high or critical")
    }
}
