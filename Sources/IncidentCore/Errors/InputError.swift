/// Input that cannot be accepted: names the field and says how to fix it.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: Field
    public let problem: String
    /// A step that would help, worded by whoever reports the error.
    public let next: NextStep?

    public init(field: Field, problem: String, next: NextStep? = nil) {
        self.field = field
        self.problem = problem
        self.next = next
    }

    public var description: String { "\(field): \(problem)" }
}
