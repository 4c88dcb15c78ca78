import Foundation

/// What a notice tells a customer beyond the facts of the incident: steps we recommend it takes, measures we
/// still plan, items that cannot be determined, and actions taken back. Kept on the incident; nil lists are
/// empty ones (an incident recorded before these existed has none).

/// Why something recorded earlier was taken back, and when. The original stays in the register.
public struct Withdrawal: Codable, Equatable, Sendable {
    public var reason: String
    public var at: Timestamp
    /// The number, within the incident, of the event that withdrew it.
    public var eventNumber: Int

    public init(reason: String, at: Timestamp, eventNumber: Int) {
        self.reason = reason
        self.at = at
        self.eventNumber = eventNumber
    }
}

/// A step we recommend the customer (the controller) takes, such as warning its end users about phishing.
public struct Recommendation: Codable, Equatable, Sendable {
    public var text: String
    public var at: Timestamp
    public var eventNumber: Int
    public var withdrawn: Withdrawal?

    public init(text: String, at: Timestamp, eventNumber: Int, withdrawn: Withdrawal? = nil) {
        self.text = text
        self.at = at
        self.eventNumber = eventNumber
        self.withdrawn = withdrawn
    }
}

/// A measure we intend to take by a target date; once done it is recorded as an ordinary action.
public struct PlannedAction: Codable, Equatable, Sendable {
    public var text: String
    public var targetBy: Timestamp
    public var at: Timestamp
    public var eventNumber: Int
    /// The event that recorded it as done (an action with the same text).
    public var completedBy: Int?
    public var withdrawn: Withdrawal?

    public init(text: String, targetBy: Timestamp, at: Timestamp, eventNumber: Int, completedBy: Int? = nil, withdrawn: Withdrawal? = nil) {
        self.text = text
        self.targetBy = targetBy
        self.at = at
        self.eventNumber = eventNumber
        self.completedBy = completedBy
        self.withdrawn = withdrawn
    }

    /// Still to be done: neither completed nor withdrawn.
    public var isOpen: Bool { completedBy == nil && withdrawn == nil }
}

/// An action recorded in error, taken back: `action` is its number in the incident's list, from 1.
public struct ActionWithdrawal: Codable, Equatable, Sendable {
    public var action: Int
    public var withdrawal: Withdrawal

    public init(action: Int, withdrawal: Withdrawal) {
        self.action = action
        self.withdrawal = withdrawal
    }
}

/// A §9.2 item or a count that cannot be determined, with the reason (the EDPB template's own answer).
public struct Undetermined: Codable, Equatable, Sendable {
    /// The item's key in a notice's facts: `records`, `subjects`, `dataCategories`, `subjectCategories`,
    /// `consequences`, `mitigationMeasures`, `remediationActions`.
    public var item: String
    public var reason: String

    public init(item: String, reason: String) {
        self.item = item
        self.reason = reason
    }

    /// The items that may be recorded as undeterminable, by key, with the word the CLI takes for each.
    public static let items: [(key: String, word: String)] = [
        ("dataCategories", "data-categories"), ("subjectCategories", "subject-categories"), ("records", "records"),
        ("subjects", "subjects"), ("consequences", "consequences"), ("mitigationMeasures", "mitigation"),
        ("remediationActions", "remediation"),
    ]

    /// The key for a word the CLI took (`data-categories`, or the key itself), or nil.
    public static func key(for word: String) -> String? {
        let lowered = word.trimmingCharacters(in: .whitespaces).lowercased()
        return items.first { $0.word == lowered || $0.key.lowercased() == lowered }?.key
    }
}

extension Incident {
    /// Recommendations still standing (not withdrawn), in the order recorded.
    public var standingRecommendations: [Recommendation] { (recommendedActions ?? []).filter { $0.withdrawn == nil } }

    /// Planned measures neither done nor withdrawn.
    public var openPlannedActions: [PlannedAction] { (plannedActions ?? []).filter(\.isOpen) }

    /// The numbers (from 1) of actions taken back.
    public var withdrawnActionNumbers: Set<Int> { Set((withdrawnActions ?? []).map(\.action)) }

    /// Actions still standing: every action not withdrawn.
    public var standingActions: [Action] {
        let withdrawn = withdrawnActionNumbers
        return actions.enumerated().filter { !withdrawn.contains($0.offset + 1) }.map(\.element)
    }

    /// The reason recorded for an item that cannot be determined, keyed by item.
    public var undeterminedReasons: [String: String] {
        var result: [String: String] = [:]
        for entry in undetermined ?? [] { result[entry.item] = entry.reason }
        return result
    }
}
