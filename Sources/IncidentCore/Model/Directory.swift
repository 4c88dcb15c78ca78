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
        organisation ?? Organisation(name: "(organisation details not set)", email: "")
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
        case .customerEdited(let customer):
            guard customers[customer.slug] != nil else {
                throw ReplayError(problem: "customer \(customer.slug) is edited before it was added")
            }
            customers[customer.slug] = customer
        case .organisationSet(let organisation):
            self.organisation = organisation
        }
    }
}
