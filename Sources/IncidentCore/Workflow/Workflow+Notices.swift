/// The engine's rules for customers' shares and their notices.
extension Workflow {
    /// Records that investigation ruled a customer out; its clock stops.
    public static func unaffect(_ incident: Incident, customer: String, reason: String, context: Context) throws -> IncidentEvent {
        guard !incident.isClosed else {
            throw WorkflowRefusal(
                step: "rule out \(customer) on", incident: incident.id, unmet: [Unmet("it is closed", next: .reopen(incident.id))])
        }
        guard let share = incident.share(of: customer) else {
            throw InputError(
                field: .customer, problem: "\(customer) is not marked affected by \(incident.id)", next: .listNotices(incident.id))
        }
        guard share.ruledOut == nil else {
            throw WorkflowRefusal(step: "rule out \(customer) on", incident: incident.id, unmet: [Unmet("it was already ruled out")])
        }
        return try event(for: incident, .unaffected(Unaffected(customer: customer, reason: reason)), context: context)
    }

    /// The kind the next notice to this customer takes, checking a requested one against the incident's state.
    public static func noticeKind(_ incident: Incident, share: CustomerShare, requested: NoticeKind?) throws -> NoticeKind {
        // The kind follows from the facts, so --kind is a check the drafter asked for, never an override.
        let natural: NoticeKind =
            share.ruledOut != nil ? .notAffected : incident.isClosed ? .final : (share.firstSent == nil ? .initial : .update)
        guard let requested, requested != natural else { return natural }
        let reason =
            switch natural {
            case .final: "it is closed, so its notice is final"
            case .initial: "no notice was marked sent to \(share.customer) yet, so the next one is initial"
            case .update: "a notice was already sent to \(share.customer) and the incident is open, so the next one is an update"
            case .notAffected: "\(share.customer) was ruled out after it was notified, so the next notice tells it it was not affected"
            }
        let article = requested == .initial || requested == .update ? "an" : "a"
        throw WorkflowRefusal(step: "draft \(article) \(requested) notice for", incident: incident.id, unmet: [Unmet(reason)])
    }

    /// Checks that a customer can get a notice at all: affected, or ruled out after it was told and still
    /// owed its `not-affected` notice (`lastSentKind`: the kind of the last version marked sent to it).
    public static func checkNoticeable(_ incident: Incident, customer: String, lastSentKind: NoticeKind? = nil) throws -> CustomerShare {
        guard let share = incident.share(of: customer) else {
            throw InputError(
                field: .customer, problem: "\(customer) is not marked affected by \(incident.id)",
                next: .affect(incident.id, customer: customer))
        }
        if let ruledOut = share.ruledOut, !share.owesNotAffected(lastSentKind: lastSentKind) {
            let why =
                share.firstSent == nil
                ? "it was ruled out on \(ruledOut.at) before any notice was sent: \(ruledOut.reason)"
                : "it was ruled out on \(ruledOut.at) and its not-affected notice was already sent"
            throw WorkflowRefusal(step: "notify \(customer) of", incident: incident.id, unmet: [Unmet(why)])
        }
        return share
    }

    /// Decides the next notice for each customer (each once, in the order given): its kind, version and facts.
    /// The text is the caller's to render from these facts; `draft` then turns the versions into events.
    public static func planNotices(
        _ incident: Incident, customers: [String], directory: Directory, requested: NoticeKind?,
        checkpoint: Checkpoint, lastSent: [String: NoticeVersion], now: Timestamp
    ) throws -> [NoticeFacts] {
        var planned = Set<String>()
        return try customers.filter { planned.insert($0).inserted }.map { slug in
            let share = try checkNoticeable(incident, customer: slug, lastSentKind: lastSent[slug]?.kind)
            guard let customer = directory.customers[slug] else {
                throw InputError(field: .customer, problem: "\(slug) is not in the customer list", next: .listCustomers)
            }
            let kind = try noticeKind(incident, share: share, requested: requested)
            return NoticeFacts.build(
                incident: incident, share: share, customer: customer, organisation: directory.contact,
                kind: kind, version: share.draftedVersions + 1, draftedAt: now,
                checkpoint: checkpoint, lastSent: lastSent[slug])
        }
    }

    /// The number the customer reads on its next notice: one more than the last notice it was sent. Our version
    /// numbers count drafts, which the customer never sees; a notice drafted before numbering existed showed
    /// its version, so that is what the customer was told.
    public static func nextSequence(lastSent: NoticeVersion?) -> Int {
        lastSent.map { ($0.facts.sequence ?? $0.version) + 1 } ?? 1
    }

    /// The events that record drafted versions, one per customer, numbered after the incident's last event.
    public static func draft(_ incident: Incident, _ versions: [NoticeVersion], context: Context) throws -> [IncidentEvent] {
        try versions.enumerated().map { index, version in
            // The plan checked what was last sent; here the share alone must still fit the kind planned.
            let share = try checkNoticeable(incident, customer: version.customer, lastSentKind: nil)
            guard (share.ruledOut != nil) == (version.kind == .notAffected) else {
                throw WorkflowRefusal(
                    step: "draft a \(version.kind) notice for", incident: incident.id,
                    unmet: [Unmet("\(version.customer) was \(share.ruledOut == nil ? "not " : "")ruled out since it was planned")])
            }
            guard version.version == share.draftedVersions + 1 else {
                throw WorkflowRefusal(
                    step: "draft version \(version.version) for", incident: incident.id,
                    unmet: [Unmet("\(version.customer) has \(share.draftedVersions) version(s); the next is \(share.draftedVersions + 1)")])
            }
            return try event(for: incident, .noticeDrafted(version), context: context, after: index)
        }
    }

    /// For each customer still affected, the §9.2 items a notice drafted now could not yet state.
    public static func unknownNoticeItems(_ incident: Incident, directory: Directory) -> [(customer: String, unknown: [String])] {
        incident.shares.filter { $0.ruledOut == nil && directory.customers[$0.customer] != nil }.map { share in
            (share.customer, NoticeFacts.unknownItems(incident: incident, share: share, organisation: directory.organisation))
        }
    }

    /// Marks a drafted version sent. The first notice's punctuality is judged here, once, against the deadline as it now stands.
    ///
    /// With `requireApproval`, a version no second person approved is refused. A customer ruled out after it was
    /// told can be sent only its latest version, and only when that is its `not-affected` notice.
    public static func markSent(
        _ incident: Incident, customer: String, version: Int?, via: String?, requireApproval: Bool = false, context: Context
    ) throws -> IncidentEvent {
        guard let share = incident.share(of: customer) else {
            throw InputError(
                field: .customer, problem: "\(customer) is not marked affected by \(incident.id)",
                next: .affect(incident.id, customer: customer))
        }
        guard share.draftedVersions > 0 else {
            throw WorkflowRefusal(
                step: "mark a notice sent for", incident: incident.id,
                unmet: [Unmet("no notice was drafted for \(customer)", next: .draftNotice(incident.id, customer: customer))])
        }
        let version = version ?? share.draftedVersions
        guard (1...share.draftedVersions).contains(version) else {
            throw InputError(field: .noticeVersion, problem: "\(customer) has versions 1 to \(share.draftedVersions) of its notice")
        }
        if let ruledOut = share.ruledOut, !(version == share.draftedVersions && share.latestKind == .notAffected) {
            throw WorkflowRefusal(
                step: "notify \(customer) of", incident: incident.id,
                unmet: [
                    Unmet(
                        "it was ruled out on \(ruledOut.at): \(ruledOut.reason); only a not-affected notice drafted since can be sent",
                        next: share.firstSent == nil ? nil : .draftNotice(incident.id, customer: customer))
                ])
        }
        if let last = share.lastSentVersion, version <= last {
            throw WorkflowRefusal(
                step: "mark version \(version) sent for", incident: incident.id,
                unmet: [Unmet("version \(last) was already marked sent to \(customer)")])
        }
        if version < share.draftedVersions {
            // A later draft was planned against newer facts and carries the customer's next number; sending the
            // older one as well would give the customer two notices with one number.
            throw WorkflowRefusal(
                step: "mark version \(version) sent for", incident: incident.id,
                unmet: [
                    Unmet(
                        "version \(share.draftedVersions) was drafted since and supersedes it; send that one instead",
                        next: .listNotices(incident.id))
                ])
        }
        if share.ruledOut == nil, share.latestKind == .notAffected {
            throw WorkflowRefusal(
                step: "mark version \(version) sent for", incident: incident.id,
                unmet: [
                    Unmet(
                        "\(customer) was marked affected again after this not-affected notice was drafted",
                        next: .draftNotice(incident.id, customer: customer))
                ])
        }
        if requireApproval, share.approval(of: version) == nil {
            throw WorkflowRefusal(
                step: "mark version \(version) sent for", incident: incident.id,
                unmet: [
                    Unmet(
                        "our details require a second person's approval and version \(version) has none",
                        next: .approveNotice(incident.id, customer: customer, version: version))
                ])
        }
        let sentAt = context.at ?? context.now
        if version <= share.draftedAt.count, sentAt < share.draftedAt[version - 1] {
            throw InputError(
                field: .at,
                problem:
                    "\(sentAt) is before version \(version) was drafted (\(share.draftedAt[version - 1])); give the time it was really sent"
            )
        }
        let dueBy = share.dueBy(awareAt: incident.awareAt)
        let body = NoticeSent(customer: customer, version: version, via: via, dueBy: dueBy, onTime: sentAt <= dueBy)
        return try event(for: incident, .noticeSent(body), context: context)
    }
}
