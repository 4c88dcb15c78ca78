/// Four-eyes approval: a drafted notice version is approved by someone other than the person who drafted it.
extension Workflow {
    /// Records that `context.actor` approved `version` of the customer's notice.
    ///
    /// Refused when the approver drafted that version, when the version was already approved (the first
    /// approval stands), when a later version supersedes it (approve that one), and when it was already sent
    /// (approval is for what goes out). `draftedBy` is the version's drafter as the register holds it; it
    /// never changes once drafted, so the caller may read it before the write.
    public static func approve(
        _ incident: Incident, customer: String, version: Int, draftedBy: String, context: Context
    ) throws -> IncidentEvent {
        guard let share = incident.share(of: customer) else {
            throw InputError(
                field: .customer, problem: "\(customer) is not marked affected by \(incident.id)", next: .listNotices(incident.id))
        }
        guard share.draftedVersions > 0 else {
            throw WorkflowRefusal(
                step: "approve a notice for", incident: incident.id,
                unmet: [Unmet("no notice was drafted for \(customer)", next: .draftNotice(incident.id, customer: customer))])
        }
        guard (1...share.draftedVersions).contains(version) else {
            throw InputError(field: .noticeVersion, problem: "\(customer) has versions 1 to \(share.draftedVersions) of its notice")
        }
        let step = "approve version \(version) for \(customer) of"
        if let approval = share.approval(of: version) {
            throw WorkflowRefusal(
                step: step, incident: incident.id, unmet: [Unmet("\(approval.by) already approved it on \(approval.at)")])
        }
        if let last = share.lastSentVersion, version <= last {
            throw WorkflowRefusal(
                step: step, incident: incident.id, unmet: [Unmet("version \(last) was already marked sent; approval is for what goes out")]
            )
        }
        if version < share.draftedVersions {
            throw WorkflowRefusal(
                step: step, incident: incident.id,
                unmet: [
                    Unmet(
                        "version \(share.draftedVersions) was drafted since and supersedes it",
                        next: .approveNotice(incident.id, customer: customer, version: share.draftedVersions))
                ])
        }
        if share.ruledOut == nil, share.latestKind == .notAffected {
            throw WorkflowRefusal(
                step: step, incident: incident.id,
                unmet: [
                    Unmet(
                        "\(customer) was marked affected again after this not-affected notice was drafted",
                        next: .draftNotice(incident.id, customer: customer))
                ])
        }
        if draftedBy == context.actor {
            throw WorkflowRefusal(
                step: step, incident: incident.id,
                unmet: [
                    Unmet("\(context.actor) drafted it; a second person must approve it, under their own name (--by or INCIDENT_ACTOR)")
                ])
        }
        return try event(for: incident, .noticeApproved(NoticeApproved(customer: customer, version: version)), context: context)
    }
}
