import Foundation

/// Drafting: the facts of one customer's notice, taken from the incident, its share and our details.
extension NoticeFacts {
    /// Builds the facts of one customer's notice from the incident, its share, and our details.
    public static func build(
        incident: Incident, share: CustomerShare, customer: Customer, organisation: Organisation,
        kind: NoticeKind, version: Int, draftedAt: Timestamp, checkpoint: Checkpoint,
        lastSent: NoticeVersion?
    ) -> NoticeFacts {
        let updateHours = customer.updateHours ?? organisation.updateHours
        func categories(_ slugs: [String], _ vocabulary: Vocabulary) -> [Category] {
            slugs.map { Category(slug: $0, label: vocabulary.label(for: $0)) }
        }
        let standing = incident.standingActions
        func items(_ kinds: Set<ActionKind>) -> [ActionItem] {
            standing.filter { kinds.contains($0.kind) }.map {
                ActionItem(text: $0.text, kind: $0.kind, phase: $0.phase, at: $0.takenAt)
            }
        }
        var facts = NoticeFacts(
            incidentId: incident.id.description, title: incident.title,
            customer: CustomerRef(
                slug: customer.slug, name: customer.name, emails: customer.emails,
                language: customer.language, timeZone: customer.timeZone),
            kind: kind, version: version, draftedAt: draftedAt, dueBy: share.dueBy(awareAt: incident.awareAt),
            awareAt: incident.awareAt, occurredFrom: incident.occurredFrom, occurredTo: incident.occurredTo,
            detectedAt: incident.detectedAt, phase: incident.phase, source: incident.source, nature: incident.nature,
            dataCategories: categories(share.dataCategories, .dataCategories),
            subjectCategories: categories(share.subjectCategories, .subjectCategories),
            records: share.records, subjects: share.subjects, consequences: incident.consequences,
            mitigationMeasures: items(mitigationKinds), remediationActions: items(remediationKinds),
            contact: Contact(
                name: organisation.name, email: organisation.email, phone: organisation.phone,
                address: organisation.address, dpoEmail: organisation.dpoEmail),
            nextUpdateBy: kind.promisesUpdate ? draftedAt.adding(seconds: Int64(updateHours) * 3600) : nil,
            changes: [], changesSinceVersion: lastSent?.version, closingSummary: incident.closingSummary,
            registerReference: checkpoint)
        facts.severity = incident.severity
        facts.systems = incident.systems
        facts.regions = incident.regions
        facts.recommendedActions = incident.standingRecommendations.map(\.text)
        facts.plannedActions = incident.openPlannedActions.map { PlannedItem(text: $0.text, targetBy: $0.targetBy) }
        let unknown = Set(facts.unknownItems + facts.unknownCounts)
        facts.cannotDetermine = (incident.undetermined ?? []).filter { unknown.contains($0.item) }
        if incident.source != "internal" && !organisation.namesSubprocessors {
            facts.source = "subprocessor"
            facts.sourceWithheld = true
        }
        facts.subprocessorNotifiedAt = incident.subprocessor?.notifiedAt
        if let previous = lastSent?.facts, kind == .update || kind == .final { facts.changes = facts.changes(since: previous) }
        facts.sequence = Workflow.nextSequence(lastSent: lastSent)
        facts.changesSinceNotice = lastSent.map { $0.facts.sequence ?? $0.version }
        if kind == .notAffected { facts.ruledOutReason = share.ruledOut?.reason }
        return facts
    }
}
