/// One criterion a step does not meet, and what would meet it.
public struct Unmet: Equatable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let reason: String
    public let next: NextStep?

    public init(_ reason: String, next: NextStep? = nil) {
        self.reason = reason
        self.next = next
    }

    public init(stringLiteral value: String) { self.init(value) }

    public var description: String { reason }
}

/// A workflow step the engine refused, with every criterion that is not met.
public struct WorkflowRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public let step: String
    public let incident: IncidentID
    public let unmet: [Unmet]

    public init(step: String, incident: IncidentID, unmet: [Unmet]) {
        self.step = step
        self.incident = incident
        self.unmet = unmet
    }

    public var description: String {
        "cannot \(step) \(incident): " + unmet.map(\.reason).joined(separator: "; ")
    }
}
