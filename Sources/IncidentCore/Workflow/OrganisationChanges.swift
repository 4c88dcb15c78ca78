/// Changes to our own details; a field left nil keeps its current value.
public struct OrganisationChanges: Equatable, Sendable {
    public var name: String?
    public var email: String?
    public var phone: String?
    public var address: String?
    public var dpoEmail: String?
    public var noticeHours: Int?
    public var updateHours: Int?
    public var templates: String?
    public var nameSubprocessors: Bool?

    public init() {}
}

extension Organisation {
    /// These details with the changes laid over them.
    public func merging(_ changes: OrganisationChanges) -> Organisation {
        var next = self
        next.name = changes.name ?? name
        next.email = changes.email ?? email
        next.phone = changes.phone ?? phone
        next.address = changes.address ?? address
        next.dpoEmail = changes.dpoEmail ?? dpoEmail
        next.noticeHours = changes.noticeHours ?? noticeHours
        next.updateHours = changes.updateHours ?? updateHours
        next.templates = changes.templates ?? templates
        next.nameSubprocessors = changes.nameSubprocessors ?? nameSubprocessors
        return next
    }
}

extension Workflow {
    /// The event that sets our details, or none when nothing would change. The first time needs a name and an e-mail address.
    public static func setOrganisation(_ directory: Directory, _ changes: OrganisationChanges, context: Context) throws -> [DirectoryEvent]
    {
        let current: Organisation
        if let existing = directory.organisation {
            current = existing
        } else if let name = changes.name, let email = changes.email {
            current = Organisation(name: name, email: email)
        } else {
            throw InputError(field: .organisation, problem: "our name and e-mail address are needed the first time", next: .setOrganisation)
        }
        let next = current.merging(changes)
        if directory.organisation == next { return [] }
        return [DirectoryEvent(payload: .organisationSet(next), actor: context.actor, recordedAt: context.now)]
    }

    /// Adds customers; one identical to an existing customer is skipped, one that differs is refused.
    public static func addCustomers(
        _ directory: Directory, _ customers: [(customer: Customer, origin: Field)],
        context: Context
    ) throws -> [DirectoryEvent] {
        var seen: [String: Field] = [:]
        return try customers.compactMap { customer, origin in
            if let first = seen[customer.slug] {
                throw InputError(field: origin, problem: "\(customer.slug) is given twice (also at \(first))")
            }
            seen[customer.slug] = origin
            if let existing = directory.customers[customer.slug] {
                if existing == customer { return nil }
                throw InputError(
                    field: origin, problem: "\(customer.slug) already exists with other details", next: .editCustomer(customer.slug))
            }
            return DirectoryEvent(payload: .customerAdded(customer), actor: context.actor, recordedAt: context.now)
        }
    }
}
