/// Which customers an incident at a subprocessor reaches: those that use one of its services in one of its
/// regions (the regions possibly narrowed), split by what `affect` should do with them.
public struct SubprocessorReach: Equatable, Sendable {
    public var subprocessor: String
    /// The regions matched: the subprocessor's own, or the narrower set asked for.
    public var regions: [String]
    public var services: [String]
    /// Customers to mark affected now, by slug, sorted.
    public var customers: [String]
    /// Customers reached that already have a share in the incident (affected or ruled out): left as they are.
    public var alreadyAffected: [String]
    /// Customers with no region or no service recorded: the rule cannot say whether they are reached.
    public var unknownScope: [String]

    public init(
        subprocessor: String, regions: [String], services: [String], customers: [String], alreadyAffected: [String],
        unknownScope: [String]
    ) {
        self.subprocessor = subprocessor
        self.regions = regions
        self.services = services
        self.customers = customers
        self.alreadyAffected = alreadyAffected
        self.unknownScope = unknownScope
    }
}

extension Workflow {
    /// The fan-out rule: a customer is reached when one of its services is one of the subprocessor's and one
    /// of its regions is one of the regions in play. `regions`, when not empty, narrows the subprocessor's
    /// regions; a region it does not serve is refused rather than silently matching nobody.
    public static func reach(
        _ incident: Incident, subprocessor slug: String, regions narrowed: [String], directory: Directory
    ) throws -> SubprocessorReach {
        guard let subprocessor = directory.subprocessors[slug] else {
            throw InputError(field: .subprocessor, problem: "\(slug) is not a subprocessor", next: .listSubprocessors)
        }
        for region in narrowed where !subprocessor.regions.contains(region) {
            let served = subprocessor.regions.isEmpty ? "none recorded" : subprocessor.regions.joined(separator: ", ")
            throw InputError(
                field: .region, problem: "\(region) is not one of \(slug)'s regions (\(served))", next: .editSubprocessor(slug))
        }
        let regions = narrowed.isEmpty ? subprocessor.regions : narrowed
        let services = Set(subprocessor.services)
        let inPlay = Set(regions)
        let marked = Set(incident.shares.map(\.customer))
        var reach = SubprocessorReach(
            subprocessor: slug, regions: regions, services: subprocessor.services, customers: [], alreadyAffected: [], unknownScope: [])
        for customer in directory.customers.values.sorted(by: { $0.slug < $1.slug }) {
            if customer.regions.isEmpty || customer.services.isEmpty {
                reach.unknownScope.append(customer.slug)
                continue
            }
            guard customer.services.contains(where: services.contains), customer.regions.contains(where: inPlay.contains) else { continue }
            if marked.contains(customer.slug) {
                reach.alreadyAffected.append(customer.slug)
            } else {
                reach.customers.append(customer.slug)
            }
        }
        return reach
    }

    /// The events of `affect --subprocessor`: a `customers-matched` event that keeps the rule's answer, then one
    /// `customer-affected` per customer reached, each with the incident's categories. Refused when it reaches
    /// nobody new, so a mistyped region leaves no trace but an error.
    public static func affect(
        _ incident: Incident, reach: SubprocessorReach, directory: Directory, context: Context
    ) throws -> [IncidentEvent] {
        guard !incident.isClosed else {
            throw WorkflowRefusal(step: "affect", incident: incident.id, unmet: [Unmet("it is closed", next: .reopen(incident.id))])
        }
        guard !reach.customers.isEmpty else {
            throw InputError(
                field: .subprocessor,
                problem: "\(reach.subprocessor) reaches no customer not already marked in \(reach.regions.joined(separator: ", "))")
        }
        let matched = CustomersMatched(
            subprocessor: reach.subprocessor, regions: reach.regions, services: reach.services,
            customers: reach.customers, alreadyAffected: reach.alreadyAffected)
        let first = try event(for: incident, .customersMatched(matched), context: context)
        var after = incident
        after.eventCount += 1
        let shares = try affect(
            after, reach.customers.map { ShareProposal(customer: $0, origin: .subprocessor) }, directory: directory, context: context)
        return [first] + shares
    }
}
