/// Input that cannot be accepted: names the field and says how to fix it.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let problem: String

    public init(field: String, problem: String) {
        self.field = field
        self.problem = problem
    }

    public var description: String { "\(field): \(problem)" }
}

/// A workflow step the engine refused, with every criterion that is not met.
public struct WorkflowRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public let step: String
    public let incident: IncidentID
    public let unmet: [String]

    public init(step: String, incident: IncidentID, unmet: [String]) {
        self.step = step
        self.incident = incident
        self.unmet = unmet
    }

    public var description: String {
        "cannot \(step) \(incident): " + unmet.joined(separator: "; ")
    }
}
