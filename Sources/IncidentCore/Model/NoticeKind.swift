/// The phase of notification (DPA §9.3): the first notice, updates while open, the final one once closed.
public enum NoticeKind: String, Codable, CaseIterable, Sendable {
    case initial, update, final

    public static func parse(_ text: String, field: Field = .noticeKind) throws -> NoticeKind {
        if let kind = NoticeKind(rawValue: text.lowercased()) { return kind }
        throw InputError(field: field, problem: "'\(text)' is not a notice kind; use initial, update or final")
    }
}
