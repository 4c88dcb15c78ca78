/// What a responder asks to take back, as typed: categories by slug, a consequence by its text or its number
/// in `show`, actions, recommendations and planned measures by their number in `show`.
public struct WithdrawalProposal: Equatable, Sendable {
    public var dataCategories: [String] = []
    public var subjectCategories: [String] = []
    public var consequences: [String] = []
    public var actions: [Int] = []
    public var recommendedActions: [Int] = []
    public var plannedActions: [Int] = []

    public init() {}

    public var isEmpty: Bool { self == WithdrawalProposal() }
}

extension Workflow {
    /// Resolves a withdrawal against what the incident records; anything not recorded (or already taken back)
    /// is refused with its field, so nothing is withdrawn by a typo.
    public static func withdrawn(_ p: WithdrawalProposal, from incident: Incident) throws -> Withdrawn? {
        guard !p.isEmpty else { return nil }
        let id = incident.id
        var result = Withdrawn()
        result.dataCategories = try recorded(p.dataCategories, in: incident.dataCategories, field: .withdrawnDataCategory, id: id)
        result.subjectCategories = try recorded(
            p.subjectCategories, in: incident.subjectCategories, field: .withdrawnSubjectCategory, id: id)
        result.consequences = try unique(
            p.consequences.map { try consequence($0, in: incident.consequences, id: id) })
        let withdrawnActions = incident.withdrawnActionNumbers
        result.actions = try unique(
            p.actions.map { number in
                guard incident.actions.indices.contains(number - 1), !withdrawnActions.contains(number) else {
                    throw InputError(
                        field: .withdrawnAction, problem: "\(id) has no standing action \(number)\(range(incident.actions.count))",
                        next: .showIncident(id))
                }
                return number
            })
        let recommendations = incident.recommendedActions ?? []
        result.recommendedActions = try unique(
            p.recommendedActions.map { number in
                guard recommendations.indices.contains(number - 1), recommendations[number - 1].withdrawn == nil else {
                    throw InputError(
                        field: .withdrawnRecommendation,
                        problem: "\(id) has no standing recommendation \(number)\(range(recommendations.count))", next: .showIncident(id))
                }
                return number
            })
        let planned = incident.plannedActions ?? []
        result.plannedActions = try unique(
            p.plannedActions.map { number in
                guard planned.indices.contains(number - 1), planned[number - 1].isOpen else {
                    throw InputError(
                        field: .withdrawnPlannedAction,
                        problem: "\(id) has no open planned measure \(number)\(range(planned.count))", next: .showIncident(id))
                }
                return number
            })
        return result
    }

    /// Resolves a withdrawal of categories from one customer's share.
    public static func withdrawn(_ p: WithdrawalProposal, from share: CustomerShare, incident: IncidentID) throws -> Withdrawn? {
        guard !p.isEmpty else { return nil }
        return Withdrawn(
            dataCategories: try recorded(
                p.dataCategories, in: share.dataCategories, field: .withdrawnDataCategory, id: incident, owner: share.customer),
            subjectCategories: try recorded(
                p.subjectCategories, in: share.subjectCategories, field: .withdrawnSubjectCategory, id: incident, owner: share.customer))
    }

    /// Every withdrawal is explained: counsel must be able to say why a notice no longer lists something.
    static func checkReason(_ withdrawn: Withdrawn?, reason: String?, field: Field) throws {
        guard let withdrawn, !withdrawn.isEmpty else { return }
        if (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw InputError(field: field, problem: "a withdrawal needs the reason; say why the item was wrong")
        }
    }

    private static func recorded(_ slugs: [String], in list: [String], field: Field, id: IncidentID, owner: String? = nil) throws
        -> [String]
    {
        try unique(
            slugs.map { slug in
                guard list.contains(slug) else {
                    let whose = owner.map { "\($0)'s share of \(id)" } ?? id.description
                    let listed = list.isEmpty ? "none is recorded" : "recorded: \(list.joined(separator: ", "))"
                    throw InputError(field: field, problem: "\(slug) is not recorded on \(whose) (\(listed))")
                }
                return slug
            })
    }

    private static func consequence(_ typed: String, in list: [String], id: IncidentID) throws -> String {
        let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if let number = Int(text), list.indices.contains(number - 1) { return list[number - 1] }
        if list.contains(text) { return text }
        throw InputError(
            field: .withdrawnConsequence,
            problem: "'\(text.prefix(60))' is neither the text nor the number of a consequence of \(id)\(range(list.count))",
            next: .showIncident(id))
    }

    private static func range(_ count: Int) -> String { count == 0 ? " (none is recorded)" : " (1 to \(count))" }

    private static func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen = Set<T>()
        return values.filter { seen.insert($0).inserted }
    }
}
