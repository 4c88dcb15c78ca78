/// What a responder proposes to add to an incident or correct in it. The engine keeps only what is new.
public struct UpdateProposal: Equatable, Sendable {
    public var note: String?
    public var action: String?
    /// The kind of `action`; the current phase's kind when not given.
    public var actionKind: ActionKind?
    public var facts = ProposedFacts()
    public var nature: String?
    public var title: String?
    public var severity: Severity?
    public var source: String?
    /// The subprocessor where it started, as corrected (`Workflow.correctedOrigin`).
    public var subprocessor: SubprocessorOrigin?
    public var awareAt: Timestamp?
    public var occurredFrom: Timestamp?
    public var occurredTo: Timestamp?
    public var detectedAt: Timestamp?
    /// What to take back; `note` gives the reason.
    public var withdraw = WithdrawalProposal()
    /// Steps to recommend to customers.
    public var recommendedActions: [String] = []
    /// A measure planned, with its target date.
    public var plannedAction: Planned?
    /// The number (from 1) of a planned measure now done; it is recorded as the action.
    public var completesPlanned: Int?
    /// Items that cannot be determined, with the reason.
    public var cannotDetermine: [Undetermined] = []
    /// Breach types stated now, and those the incident's events already state (read by the caller from
    /// its timeline: the breach type is kept in events only, not in the incident's projection).
    public var breachTypes: [BreachType] = []
    public var knownBreachTypes: [BreachType] = []

    public init() {}
}

extension Workflow {
    /// Turns a proposal into the `updated` event: repeated facts are dropped, corrections keep the value they replace.
    public static func update(_ incident: Incident, proposal: UpdateProposal, context: Context) throws -> IncidentEvent {
        var body = changes(to: incident, proposal: proposal)
        body.withdrawn = try withdrawn(proposal.withdraw, from: incident)
        try checkReason(body.withdrawn, reason: body.note, field: .note)
        if let number = proposal.completesPlanned {
            guard proposal.action == nil else {
                throw InputError(field: .completedPlanned, problem: "it records the planned measure as the action; leave out --action")
            }
            guard !proposal.withdraw.plannedActions.contains(number) else {
                throw InputError(
                    field: .completedPlanned, problem: "planned measure \(number) cannot be both completed and withdrawn in one update")
            }
            let planned = incident.plannedActions ?? []
            guard planned.indices.contains(number - 1), planned[number - 1].isOpen else {
                throw InputError(
                    field: .completedPlanned,
                    problem: "\(incident.id) has no open planned measure \(number)" + (planned.isEmpty ? " (none is recorded)" : ""),
                    next: .showIncident(incident.id))
            }
            body.completesPlanned = number
            body.action = ActionTaken(
                text: planned[number - 1].text, kind: proposal.actionKind ?? incident.phase.defaultActionKind, phase: incident.phase)
        }
        return try update(incident, with: body, context: context)
    }

    /// The body of the update a proposal makes: only what is new or really different.
    public static func changes(to current: Incident, proposal p: UpdateProposal) -> Updated {
        var body = Updated()
        body.note = p.note
        body.action = p.action.map { ActionTaken(text: $0, kind: p.actionKind ?? current.phase.defaultActionKind, phase: current.phase) }
        body.consequences = new(p.facts.consequences, beside: current.consequences)
        body.dataCategories = new(p.facts.dataCategories, beside: current.dataCategories)
        body.subjectCategories = new(p.facts.subjectCategories, beside: current.subjectCategories)
        body.systems = new(p.facts.systems, beside: current.systems)
        body.regions = new(p.facts.regions, beside: current.regions)
        body.records = change(current.records, p.facts.records)
        body.subjects = change(current.subjects, p.facts.subjects)
        body.nature = change(current.nature, p.nature)
        body.title = change(current.title, p.title)
        body.severity = change(current.severity, p.severity)
        body.source = change(current.source, p.source)
        body.subprocessor = change(current.subprocessor, p.subprocessor)
        body.awareAt = change(current.awareAt, p.awareAt)
        body.occurredFrom = change(current.occurredFrom, p.occurredFrom)
        body.occurredTo = change(current.occurredTo, p.occurredTo)
        body.detectedAt = change(current.detectedAt, p.detectedAt)
        let recommended = new(p.recommendedActions, beside: current.standingRecommendations.map(\.text))
        body.recommendedActions = recommended.isEmpty ? nil : recommended
        body.plannedAction = p.plannedAction
        let reasons = current.undeterminedReasons
        let undetermined = p.cannotDetermine.filter { reasons[$0.item] != $0.reason }
        body.cannotDetermine = undetermined.isEmpty ? nil : undetermined
        let added = BreachType.new(p.breachTypes, beside: p.knownBreachTypes)
        body.breachTypes = added.isEmpty ? nil : added
        return body
    }

    /// Values not already known, each once, in the order given.
    static func new(_ values: [String], beside known: [String]) -> [String] {
        var seen = Set(known)
        return values.filter { seen.insert($0).inserted }
    }

    /// A correction only when the value really changes; restating the same value records nothing.
    static func change<V>(_ old: V?, _ new: V?) -> Change<V>? {
        guard let new, old != new else { return nil }
        return Change(from: old, to: new)
    }
}
