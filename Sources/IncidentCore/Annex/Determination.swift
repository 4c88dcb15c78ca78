/// How sure a figure or a list in the controller annex is, in the four answers a breach form asks for.
public enum Determination: String, Codable, Sendable {
    /// A definite answer: a category list in a final notice.
    case exact
    /// A count: the register only ever keeps approximate counts (`--records`, `--subjects`).
    case approximate
    /// Not known yet; the investigation goes on and a later notice will say.
    case toBeDetermined = "to be determined"
    /// Not known and not going to be: the incident is closed (a final notice) without it.
    case cannotBeDetermined = "cannot be determined"

    /// For a value that is either there or not: what a notice of this kind says about it.
    static func of(known: Bool, ifKnown: Determination, kind: NoticeKind) -> Determination {
        if known { return ifKnown }
        return kind.promisesUpdate ? .toBeDetermined : .cannotBeDetermined
    }
}

/// A count with its determination; `value` only when there is one.
public struct DeterminedCount: Codable, Equatable, Sendable {
    public var status: Determination
    public var value: Int?
    /// Why it cannot be determined, as recorded with `update --cannot-determine ITEM --reason TEXT`.
    public var reason: String?

    public static func of(_ value: Int?, kind: NoticeKind) -> DeterminedCount {
        DeterminedCount(status: .of(known: value != nil, ifKnown: .approximate, kind: kind), value: value)
    }

    /// The same count with the recorded reason when it cannot be determined.
    func explained(by reason: String?) -> DeterminedCount {
        guard status == .cannotBeDetermined, let reason else { return self }
        var count = self
        count.reason = reason
        return count
    }
}

/// A list with its determination: while the incident is open a list may still grow, so only a final
/// notice calls one exact.
public struct DeterminedList<Item: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
    public var status: Determination
    public var items: [Item]
    /// Why it cannot be determined, as recorded with `update --cannot-determine ITEM --reason TEXT`.
    public var reason: String?

    public static func of(_ items: [Item], kind: NoticeKind) -> DeterminedList {
        DeterminedList(status: .of(known: !items.isEmpty, ifKnown: kind == .final ? .exact : .approximate, kind: kind), items: items)
    }

    /// The same list with the recorded reason when it cannot be determined (several reasons joined by "; ").
    func explained(by reasons: [String]) -> DeterminedList {
        guard status == .cannotBeDetermined, !reasons.isEmpty else { return self }
        var list = self
        list.reason = reasons.joined(separator: "; ")
        return list
    }
}
