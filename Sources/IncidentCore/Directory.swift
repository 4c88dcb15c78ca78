/// Register-wide facts that belong to no single incident: our customers and our own details.
public struct Directory: Equatable, Sendable {
    public var customers: [String: Customer] = [:]
    public var organisation: Organisation?

    public init(customers: [String: Customer] = [:], organisation: Organisation? = nil) {
        self.customers = customers
        self.organisation = organisation
    }

    /// The organisation, or a placeholder that makes a notice say plainly that contact details are missing.
    public var contact: Organisation {
        organisation ?? Organisation(name: "(organisation details not set: run `incident org set`)", email: "")
    }

    public func applying(_ event: DirectoryEvent) throws -> Directory {
        var next = self
        try next.apply(event)
        return next
    }

    /// Folds one event in place. Prefer this to `applying` in loops: it never copies the customer list.
    public mutating func apply(_ event: DirectoryEvent) throws {
        switch event.payload {
        case .customerAdded(let customer):
            guard customers[customer.slug] == nil else {
                throw ReplayError(problem: "customer \(customer.slug) is added twice")
            }
            customers[customer.slug] = customer
        case .organisationSet(let organisation):
            self.organisation = organisation
        }
    }
}

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
    case organisationSet(Organisation)

    public var type: String {
        switch self {
        case .customerAdded: "customer-added"
        case .organisationSet: "organisation-set"
        }
    }

    public static let types = ["customer-added", "organisation-set"]

    public func encodedBody() throws -> String {
        switch self {
        case .customerAdded(let body): try CanonicalJSON.encode(body)
        case .organisationSet(let body): try CanonicalJSON.encode(body)
        }
    }

    public static func decode(type: String, body: String) throws -> DirectoryPayload {
        switch type {
        case "customer-added": .customerAdded(try CanonicalJSON.decode(Customer.self, body))
        case "organisation-set": .organisationSet(try CanonicalJSON.decode(Organisation.self, body))
        default: throw ReplayError(problem: "unknown directory event type '\(type)'")
        }
    }
}
