/// The phase of notification (DPA §9.3): the first notice, updates while open, the final one once closed, and
/// the all-clear to a customer that was told and then ruled out (`not-affected`).
public enum NoticeKind: String, Codable, CaseIterable, Sendable, CustomStringConvertible {
    case initial, update, final
    case notAffected = "not-affected"

    /// The word `--kind` takes (`not-affected`, not the case name), at no reflection cost when interpolated.
    public var description: String { rawValue }

    /// The kinds that promise a next update: the customer is still affected and the incident is open.
    public var promisesUpdate: Bool { self == .initial || self == .update }

    public static func parse(_ text: String, field: Field = .noticeKind) throws -> NoticeKind {
        if let kind = NoticeKind(rawValue: text.lowercased()) { return kind }
        throw InputError(field: field, problem: "'\(text)' is not a notice kind; use initial, update, final or not-affected")
    }
}
