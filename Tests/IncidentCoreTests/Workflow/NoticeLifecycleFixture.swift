@testable import IncidentCore

/// An incident with two affected customers, and helpers that draft, approve and send as named people,
/// keeping each customer's last sent version as the store would.
struct NoticeLifecycle {
    static let acme = Customer(slug: "acme", name: "Acme GmbH", emails: ["dpo@acme.example"], language: "de", updateHours: 6)
    static let contoso = Customer(slug: "contoso", name: "Contoso", emails: ["privacy@contoso.example"])
    static let directory = Directory(
        customers: ["acme": acme, "contoso": contoso],
        organisation: Organisation(name: "Us", email: "security@us.example", updateHours: 24))
    static let head = Checkpoint(events: 7, hash: String(repeating: "b", count: 64))

    var incident: Incident
    var lastSent: [String: NoticeVersion] = [:]
    var versions: [String: [NoticeVersion]] = [:]

    init() throws {
        incident = try Fixture.logged()
        for event in try Workflow.affect(
            incident, [ShareProposal(customer: "acme"), ShareProposal(customer: "contoso")],
            directory: Self.directory, context: Fixture.context)
        {
            try incident.apply(event)
        }
    }

    static func context(_ actor: String, _ at: Timestamp = Fixture.now) -> Context { Context(actor: actor, now: at) }

    /// Drafts the next version for `customer` as `actor` at `at`; returns it as the store would hold it.
    @discardableResult
    mutating func draft(_ customer: String, by actor: String = "alice", at: Timestamp = Fixture.now) throws -> NoticeVersion {
        let facts = try Workflow.planNotices(
            incident, customers: [customer], directory: Self.directory, requested: nil, checkpoint: Self.head,
            lastSent: lastSent, now: at)[0]
        var version = NoticeVersion(
            customer: customer, version: facts.version, kind: facts.kind, template: "t", subject: "s", markdown: "m", facts: facts)
        for event in try Workflow.draft(incident, [version], context: Self.context(actor, at)) { try incident.apply(event) }
        version.drafted = Stamp(at: at, by: actor)
        versions[customer, default: []].append(version)
        return version
    }

    mutating func approve(_ customer: String, version: Int? = nil, by actor: String) throws {
        let chosen = version ?? incident.share(of: customer)!.draftedVersions
        let drafter = versions[customer]?.first { $0.version == chosen }?.drafted?.by ?? ""
        try incident.apply(
            Workflow.approve(incident, customer: customer, version: chosen, draftedBy: drafter, context: Self.context(actor)))
    }

    mutating func send(_ customer: String, version: Int? = nil, requireApproval: Bool = false, at: Timestamp = Fixture.now) throws {
        let event = try Workflow.markSent(
            incident, customer: customer, version: version, via: nil, requireApproval: requireApproval,
            context: Context(actor: "alice", now: at))
        try incident.apply(event)
        let sent = incident.share(of: customer)!.lastSentVersion!
        lastSent[customer] = versions[customer]!.first { $0.version == sent }
    }

    mutating func ruleOut(_ customer: String, reason: String = "other cluster", at: Timestamp = Fixture.now) throws {
        try incident.apply(Workflow.unaffect(incident, customer: customer, reason: reason, context: Context(actor: "alice", now: at)))
    }
}
