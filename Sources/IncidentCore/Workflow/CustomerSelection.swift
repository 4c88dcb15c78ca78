/// Which customers a notice command is about: one by its slug, or every customer that awaits a notice.
public enum CustomerSelection: Equatable, Sendable {
    case one(String)
    case all

    /// The chosen slugs, in the order the customers were marked affected: with `all`, every customer not ruled
    /// out, and every one ruled out after it was told until its `not-affected` notice was sent
    /// (`lastSentKinds`: the kind of the last version marked sent to each customer).
    public func recipients(in incident: Incident, lastSentKinds: [String: NoticeKind] = [:]) -> [String] {
        switch self {
        case .one(let slug): [slug]
        case .all:
            incident.shares.filter { $0.ruledOut == nil || $0.owesNotAffected(lastSentKind: lastSentKinds[$0.customer]) }.map(\.customer)
        }
    }

    /// The customers whose latest drafts an export means: with `all`, every customer not ruled out, and every
    /// one ruled out whose latest draft is its `not-affected` notice.
    public func exportRecipients(in incident: Incident) -> [String] {
        switch self {
        case .one(let slug): [slug]
        case .all: incident.shares.filter { $0.ruledOut == nil || $0.latestKind == .notAffected }.map(\.customer)
        }
    }

    /// The same, refusing a choice that names nobody: drafting for no one is a mistake worth saying.
    public func draftRecipients(in incident: Incident, lastSentKinds: [String: NoticeKind] = [:]) throws -> [String] {
        let slugs = recipients(in: incident, lastSentKinds: lastSentKinds)
        guard !slugs.isEmpty else {
            throw InputError(
                field: .customerChoice, problem: "no customer awaits a notice (none is marked affected, or all were ruled out)",
                next: .listNotices(incident.id))
        }
        return slugs
    }
}
