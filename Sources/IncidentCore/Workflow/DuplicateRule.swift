/// An incident already in the register, as much of it as deciding "is this the same one?" needs.
public struct LoggedIncident: Equatable, Sendable {
    public var id: IncidentID
    public var title: String
    public var awareAt: Timestamp

    public init(id: IncidentID, title: String, awareAt: Timestamp) {
        self.id = id
        self.title = title
        self.awareAt = awareAt
    }
}

/// Whether a new incident looks like one already logged: the same awareness time, to the second, and
/// the same title once case and runs of spaces are set aside. Two people logging one report at 2 a.m.
/// type the same words; they rarely type them in the same case.
public enum DuplicateRule {
    /// The candidates that `body` repeats, in the order given.
    public static func duplicates(of body: Logged, among candidates: [LoggedIncident]) -> [LoggedIncident] {
        let title = folded(body.title)
        return candidates.filter { $0.awareAt == body.awareAt && folded($0.title) == title }
    }

    /// Refuses `body` when it repeats a candidate that is not in `accepted` (the ones a person confirmed).
    public static func check(_ body: Logged, among candidates: [LoggedIncident], accepted: Set<IncidentID> = []) throws {
        let repeated = duplicates(of: body, among: candidates).filter { !accepted.contains($0.id) }
        if !repeated.isEmpty { throw PossibleDuplicate(existing: repeated) }
    }

    static func folded(_ title: String) -> String {
        title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// A new incident was not logged because it looks like one already in the register.
public struct PossibleDuplicate: Error, Equatable, Sendable, CustomStringConvertible {
    public let existing: [LoggedIncident]

    public init(existing: [LoggedIncident]) { self.existing = existing }

    public var description: String {
        let named = existing.map { "\($0.id) \"\($0.title)\"" }.joined(separator: ", ")
        let awareAt = existing.first.map { " (\($0.awareAt))" } ?? ""
        return "not logged: \(named) \(existing.count == 1 ? "has" : "have") the same title and awareness time\(awareAt)"
    }
}
