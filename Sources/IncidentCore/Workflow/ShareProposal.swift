/// One customer's share of an incident as proposed: its own categories and counts, or none to take defaults.
public struct ShareProposal: Equatable, Sendable {
    public var customer: String
    public var dataCategories: [String]
    public var subjectCategories: [String]
    public var records: Int?
    public var subjects: Int?
    /// Where the proposal came from (the customer option, or a row of a file), for errors.
    public var origin: Field
    /// Categories to take back from this customer's share, and why.
    public var withdraw = WithdrawalProposal()
    public var reason: String?

    public init(
        customer: String, dataCategories: [String] = [], subjectCategories: [String] = [], records: Int? = nil,
        subjects: Int? = nil, origin: Field = .customer
    ) {
        self.customer = customer
        self.dataCategories = dataCategories
        self.subjectCategories = subjectCategories
        self.records = records
        self.subjects = subjects
        self.origin = origin
    }
}

extension Workflow {
    /// Marks customers affected, or revises their shares, in the order given.
    ///
    /// A new share starts from the incident's categories when it names none; counts never default. A revision
    /// adds only what it names. The deadline hours are fixed now: the customer's own, else the organisation's.
    public static func affect(
        _ incident: Incident, _ proposals: [ShareProposal], directory: Directory,
        context: Context
    ) throws -> [IncidentEvent] {
        guard !incident.isClosed else {
            throw WorkflowRefusal(step: "affect", incident: incident.id, unmet: [Unmet("it is closed", next: .reopen(incident.id))])
        }
        let defaultHours = directory.organisation?.noticeHours ?? Organisation.defaultNoticeHours
        var marked = Set(incident.shares.map(\.customer))
        return try proposals.enumerated().map { index, proposal in
            guard let customer = directory.customers[proposal.customer] else {
                throw InputError(
                    field: proposal.origin, problem: "\(proposal.customer) is not a customer", next: .addCustomer(proposal.customer))
            }
            let isNew = marked.insert(proposal.customer).inserted
            var withdrawn: Withdrawn?
            if !proposal.withdraw.isEmpty {
                guard let share = incident.share(of: proposal.customer) else {
                    throw InputError(
                        field: proposal.origin,
                        problem: "\(proposal.customer) is not marked affected by \(incident.id), so nothing can be withdrawn",
                        next: .listNotices(incident.id))
                }
                guard share.ruledOut == nil else {
                    // Withdrawing from a ruled-out share would record a revision and bring the customer back in.
                    throw InputError(
                        field: proposal.origin,
                        problem: "\(proposal.customer) is ruled out of \(incident.id), so nothing can be withdrawn from its share",
                        next: .listNotices(incident.id))
                }
                withdrawn = try Workflow.withdrawn(proposal.withdraw, from: share, incident: incident.id)
                try checkReason(withdrawn, reason: proposal.reason, field: .note)
            }
            let body = Affected(
                customer: proposal.customer,
                dataCategories: proposal.dataCategories.isEmpty && isNew ? incident.dataCategories : proposal.dataCategories,
                subjectCategories: proposal.subjectCategories.isEmpty && isNew ? incident.subjectCategories : proposal.subjectCategories,
                records: proposal.records, subjects: proposal.subjects,
                noticeHours: customer.noticeHours ?? defaultHours, withdrawn: withdrawn, reason: withdrawn == nil ? nil : proposal.reason)
            return try event(for: incident, .affected(body), context: context, after: index)
        }
    }
}
