/// Where an incident stands in the DPA §9.4 response: five working phases, then closed.
public enum Phase: String, Codable, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    case investigate, contain, mitigate, remediate, restore, closed

    /// The stored word, so interpolating a value costs no reflection (measured in `show`'s profile).
    public var description: String { rawValue }

    /// The five working phases, in the only order the engine allows.
    public static let working: [Phase] = [.investigate, .contain, .mitigate, .remediate, .restore]

    /// The phase `advance` leads to, or nil from `restore` (which only `close` leaves) and `closed`.
    public var next: Phase? {
        switch self {
        case .investigate: .contain
        case .contain: .mitigate
        case .mitigate: .remediate
        case .remediate: .restore
        case .restore, .closed: nil
        }
    }

    /// The kind an action gets when `--kind` is not given in this phase.
    ///
    /// During investigation the first thing done about an incident is nearly always to contain it,
    /// so containment is the default there too.
    public var defaultActionKind: ActionKind {
        switch self {
        case .investigate, .contain: .containment
        case .mitigate: .mitigation
        case .remediate: .remediation
        case .restore, .closed: .restoration
        }
    }

    private var order: Int { Phase.allCases.firstIndex(of: self)! }
    public static func < (lhs: Phase, rhs: Phase) -> Bool { lhs.order < rhs.order }

    /// Parses a phase name typed by a person, naming the valid ones when it is wrong.
    public static func parse(_ text: String, field: Field = .phase, allowClosed: Bool = true) throws -> Phase {
        let choices = allowClosed ? allCases : working
        if let phase = Phase(rawValue: text.lowercased()), choices.contains(phase) { return phase }
        throw InputError(field: field, problem: "'\(text)' is not a phase; use one of \(choices.map(\.rawValue).joined(separator: ", "))")
    }
}
