/// An event that cannot be folded into the state it follows: the register's history is inconsistent.
public struct ReplayError: Error, Equatable, Sendable, CustomStringConvertible {
    public let problem: String
    public init(problem: String) { self.problem = problem }
    public var description: String { problem }
}
