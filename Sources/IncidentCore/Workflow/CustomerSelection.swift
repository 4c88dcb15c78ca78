/// Which customers a notice command is about: one by its slug, or every affected customer not ruled out.
public enum CustomerSelection: Equatable, Sendable {
    case one(String)
    case all

    /// The chosen slugs, in the order the customers were marked affected.
    public func recipients(in incident: Incident) -> [String] {
        switch self {
        case .one(let slug): [slug]
        case .all: incident.shares.filter { $0.ruledOut == nil }.map(\.customer)
        }
    }

    /// The same, refusing a choice that names nobody: drafting for no one is a mistake worth saying.
    public func draftRecipients(in incident: Incident) throws -> [String] {
        let slugs = recipients(in: incident)
        guard !slugs.isEmpty else {
            throw InputError(
                field: .customerChoice, problem: "no customer awaits a notice (none is marked affected, or all were ruled out)",
                next: .listNotices(incident.id))
        }
        return slugs
    }
}
