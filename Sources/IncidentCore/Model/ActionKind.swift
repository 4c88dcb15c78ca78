/// What an action taken during the response was for (DPA §9.4).
public enum ActionKind: String, Codable, CaseIterable, Sendable, CustomStringConvertible {
    case containment, mitigation, remediation, restoration

    /// The stored word, so interpolating a value costs no reflection (measured in `show`'s profile).
    public var description: String { rawValue }

    public static func parse(_ text: String, field: Field = .actionKind) throws -> ActionKind {
        if let kind = ActionKind(rawValue: text.lowercased()) { return kind }
        throw InputError(field: field, problem: "'\(text)' is not an action kind; use containment, mitigation, remediation or restoration")
    }
}
