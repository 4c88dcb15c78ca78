/// What each customer is owed next, and by when: the one rule behind `incident due` and `list --overdue`.
public struct NoticeDue: Equatable, Sendable, Codable {
    /// What is owed.
    public enum Owed: String, Equatable, Sendable, Codable {
        /// The first notice, by the customer's deadline (awareness plus its notice hours).
        case firstNotice = "first-notice"
        /// The update the last initial or update notice sent to it promised (`nextUpdateBy`).
        case update
        /// The all-clear to a customer ruled out after it was told.
        case notAffected = "not-affected"
    }

    public var incident: IncidentID
    public var customer: String
    public var owed: Owed
    public var dueBy: Timestamp

    public init(incident: IncidentID, customer: String, owed: Owed, dueBy: Timestamp) {
        self.incident = incident
        self.customer = customer
        self.owed = owed
        self.dueBy = dueBy
    }

    /// Late once its time has passed: a notice due at 12:00 and still owed at 12:00:01 is overdue.
    public func isOverdue(at now: Timestamp) -> Bool { now > dueBy }

    /// Seconds until it is due; negative once late.
    public func secondsLeft(at now: Timestamp) -> Int64 { dueBy.seconds - now.seconds }
}

extension Workflow {
    /// Every notice the incident's customers are owed, in the order the customers were marked affected.
    ///
    /// - A customer not ruled out that was sent nothing is owed its first notice by its deadline.
    /// - One that was sent an initial or update notice is owed the update it promised, while the incident is
    ///   open (a closed incident owes its final report, which is not a promise with a time).
    /// - One ruled out after it was told is owed a `not-affected` notice until one is sent: by the update it was
    ///   last promised, or at once when no promise is pending.
    ///
    /// `lastSent` holds each customer's last version marked sent.
    public static func dueNotices(_ incident: Incident, lastSent: [String: NoticeVersion]) -> [NoticeDue] {
        incident.shares.compactMap { share in
            let last = lastSent[share.customer]
            let promised = last.flatMap { $0.kind.promisesUpdate ? $0.facts.nextUpdateBy : nil }
            func owed(_ what: NoticeDue.Owed, _ by: Timestamp) -> NoticeDue {
                NoticeDue(incident: incident.id, customer: share.customer, owed: what, dueBy: by)
            }
            if let ruledOut = share.ruledOut {
                guard share.owesNotAffected(lastSentKind: last?.kind) else { return nil }
                return owed(.notAffected, promised.map { max($0, ruledOut.at) } ?? ruledOut.at)
            }
            if share.firstSent == nil { return owed(.firstNotice, share.dueBy(awareAt: incident.awareAt)) }
            guard !incident.isClosed, let promised else { return nil }
            return owed(.update, promised)
        }
    }

    /// True when some customer of the incident is owed a notice whose time has passed.
    public static func isOverdue(_ incident: Incident, lastSent: [String: NoticeVersion], at now: Timestamp) -> Bool {
        dueNotices(incident, lastSent: lastSent).contains { $0.isOverdue(at: now) }
    }
}
