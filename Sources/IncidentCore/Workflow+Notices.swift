/// The engine's rules for customers' shares and their notices.
extension Workflow {
    /// Marks a customer affected, or revises its share. Its deadline hours are fixed now.
    public static func affect(_ incident: Incident, _ body: Affected, context: Context) throws -> IncidentEvent {
        guard !incident.isClosed else {
            throw WorkflowRefusal(step: "affect", incident: incident.id, unmet: ["it is closed; reopen it first"])
        }
        return try event(for: incident, .affected(body), context: context)
    }

    /// Records that investigation ruled a customer out; its clock stops.
    public static func unaffect(_ incident: Incident, customer: String, reason: String, context: Context) throws -> IncidentEvent {
        guard !incident.isClosed else {
            throw WorkflowRefusal(step: "rule out \(customer) on", incident: incident.id, unmet: ["it is closed; reopen it first"])
        }
        guard let share = incident.share(of: customer) else {
            throw InputError(field: "--customer", problem: "\(customer) is not marked affected by \(incident.id); see `incident notice list \(incident.id)`")
        }
        guard share.ruledOut == nil else {
            throw WorkflowRefusal(step: "rule out \(customer) on", incident: incident.id, unmet: ["it was already ruled out"])
        }
        return try event(for: incident, .unaffected(Unaffected(customer: customer, reason: reason)), context: context)
    }

    /// The kind the next notice to this customer takes, checking a requested one against the incident's state.
    public static func noticeKind(_ incident: Incident, share: CustomerShare, requested: NoticeKind?) throws -> NoticeKind {
        // The kind follows from the facts, so --kind is a check the drafter asked for, never an override.
        let natural: NoticeKind = incident.isClosed ? .final : (share.firstSent == nil ? .initial : .update)
        guard let requested, requested != natural else { return natural }
        let reason = switch natural {
        case .final: "it is closed, so its notice is final"
        case .initial: "no notice was marked sent to \(share.customer) yet, so the next one is initial"
        case .update: "a notice was already sent to \(share.customer) and the incident is open, so the next one is an update"
        }
        let article = requested == .initial ? "an" : "a"
        throw WorkflowRefusal(step: "draft \(article) \(requested) notice for", incident: incident.id, unmet: [reason])
    }

    /// Checks that a customer can get a notice at all.
    public static func checkNoticeable(_ incident: Incident, customer: String) throws -> CustomerShare {
        guard let share = incident.share(of: customer) else {
            throw InputError(field: "--customer", problem: "\(customer) is not marked affected by \(incident.id); run `incident affect \(incident.id) --customer \(customer)` first")
        }
        if let ruledOut = share.ruledOut {
            throw WorkflowRefusal(step: "notify \(customer) of", incident: incident.id, unmet: ["it was ruled out on \(ruledOut.at): \(ruledOut.reason)"])
        }
        return share
    }

    public static func draft(_ incident: Incident, _ body: NoticeDrafted, context: Context) throws -> IncidentEvent {
        _ = try checkNoticeable(incident, customer: body.customer)
        return try event(for: incident, .noticeDrafted(body), context: context)
    }

    /// Marks a drafted version sent. The first notice's punctuality is judged here, once, against the deadline as it now stands.
    public static func markSent(_ incident: Incident, customer: String, version: Int?, via: String?, context: Context) throws -> IncidentEvent {
        let share = try checkNoticeable(incident, customer: customer)
        guard share.draftedVersions > 0 else {
            throw WorkflowRefusal(step: "mark a notice sent for", incident: incident.id, unmet: ["no notice was drafted for \(customer); run `incident notice draft` first"])
        }
        let version = version ?? share.draftedVersions
        guard (1...share.draftedVersions).contains(version) else {
            throw InputError(field: "--version", problem: "\(customer) has versions 1 to \(share.draftedVersions) of its notice")
        }
        if let last = share.lastSentVersion, version <= last {
            throw WorkflowRefusal(step: "mark version \(version) sent for", incident: incident.id, unmet: ["version \(last) was already marked sent to \(customer)"])
        }
        let sentAt = context.at ?? context.now
        if version <= share.draftedAt.count, sentAt < share.draftedAt[version - 1] {
            throw InputError(field: "--at", problem: "\(sentAt) is before version \(version) was drafted (\(share.draftedAt[version - 1])); give the time it was really sent")
        }
        let dueBy = share.dueBy(awareAt: incident.awareAt)
        let body = NoticeSent(customer: customer, version: version, via: via, dueBy: dueBy, onTime: sentAt <= dueBy)
        return try event(for: incident, .noticeSent(body), context: context)
    }
}
