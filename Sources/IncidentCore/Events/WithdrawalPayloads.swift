/// The parts of `updated` and `customer-affected` bodies that take back, recommend, plan or mark undeterminable.

/// What an event takes back. Categories and consequences by their value; actions, recommendations and
/// planned measures by their number in the incident's list, from 1. The event's note is the reason.
public struct Withdrawn: Codable, Equatable, Sendable {
    public var dataCategories: [String] = []
    public var subjectCategories: [String] = []
    public var consequences: [String] = []
    public var actions: [Int] = []
    public var recommendedActions: [Int] = []
    public var plannedActions: [Int] = []

    public init(
        dataCategories: [String] = [], subjectCategories: [String] = [], consequences: [String] = [], actions: [Int] = [],
        recommendedActions: [Int] = [], plannedActions: [Int] = []
    ) {
        self.dataCategories = dataCategories
        self.subjectCategories = subjectCategories
        self.consequences = consequences
        self.actions = actions
        self.recommendedActions = recommendedActions
        self.plannedActions = plannedActions
    }

    public var isEmpty: Bool { self == Withdrawn() }
}

/// A measure planned, as an `updated` event records it.
public struct Planned: Codable, Equatable, Sendable {
    public var text: String
    public var targetBy: Timestamp

    public init(text: String, targetBy: Timestamp) {
        self.text = text
        self.targetBy = targetBy
    }
}
