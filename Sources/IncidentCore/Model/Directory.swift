/// Register-wide facts that belong to no single incident: our customers, our subprocessors and our own details.
public struct Directory: Equatable, Sendable {
    public var customers: [String: Customer] = [:]
    public var organisation: Organisation?
    public var subprocessors: [String: Subprocessor] = [:]

    public init(customers: [String: Customer] = [:], organisation: Organisation? = nil, subprocessors: [String: Subprocessor] = [:]) {
        self.customers = customers
        self.organisation = organisation
        self.subprocessors = subprocessors
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
        case .subprocessorAdded(let subprocessor):
            guard subprocessors[subprocessor.slug] == nil else {
                throw ReplayError(problem: "subprocessor \(subprocessor.slug) is added twice")
            }
            subprocessors[subprocessor.slug] = subprocessor
        case .subprocessorEdited(let subprocessor):
            guard subprocessors[subprocessor.slug] != nil else {
                throw ReplayError(problem: "subprocessor \(subprocessor.slug) is edited before it was added")
            }
            subprocessors[subprocessor.slug] = subprocessor
        }
    }
}
