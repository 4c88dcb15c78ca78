/// A change to the directory, as stored (with no incident id).
public struct DirectoryEvent: Equatable, Sendable {
    public var payload: DirectoryPayload
    public var actor: String
    public var recordedAt: Timestamp

    public init(payload: DirectoryPayload, actor: String, recordedAt: Timestamp) {
        self.payload = payload
        self.actor = actor
        self.recordedAt = recordedAt
    }
}

public enum DirectoryPayload: Equatable, Sendable {
    case customerAdded(Customer)
    /// A customer's details corrected: the whole record as it now stands, under the same slug.
    case customerEdited(Customer)
    case organisationSet(Organisation)
    case subprocessorAdded(Subprocessor)
    /// A subprocessor's details corrected: the whole record as it now stands, under the same slug.
    case subprocessorEdited(Subprocessor)

    public var type: String {
        switch self {
        case .customerAdded: "customer-added"
        case .customerEdited: "customer-edited"
        case .organisationSet: "organisation-set"
        case .subprocessorAdded: "subprocessor-added"
        case .subprocessorEdited: "subprocessor-edited"
        }
    }

    public static let types = ["customer-added", "customer-edited", "organisation-set", "subprocessor-added", "subprocessor-edited"]

    public func encodedBody() throws -> String {
        switch self {
        case .customerAdded(let body), .customerEdited(let body): try CanonicalJSON.encode(body)
        case .organisationSet(let body): try CanonicalJSON.encode(body)
        case .subprocessorAdded(let body), .subprocessorEdited(let body): try CanonicalJSON.encode(body)
        }
    }

    public static func decode(type: String, body: String) throws -> DirectoryPayload {
        switch type {
        case "customer-added": .customerAdded(try CanonicalJSON.decode(Customer.self, body))
        case "customer-edited": .customerEdited(try CanonicalJSON.decode(Customer.self, body))
        case "organisation-set": .organisationSet(try CanonicalJSON.decode(Organisation.self, body))
        case "subprocessor-added": .subprocessorAdded(try CanonicalJSON.decode(Subprocessor.self, body))
        case "subprocessor-edited": .subprocessorEdited(try CanonicalJSON.decode(Subprocessor.self, body))
        default: throw ReplayError(problem: "unknown directory event type '\(type)'")
        }
    }
}
