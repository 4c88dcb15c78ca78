import IncidentCore

extension NoticeView {
    /// A notice with every fact present: the shape templates are checked against, and what
    /// `notice templates check` renders to prove a folder works end to end.
    ///
    /// Each §9.2 item holds a text of its own (`SevenItems.markers`), so the check can tell which item a
    /// template set left out, in any language.
    static var sample: NoticeFacts {
        let t = Timestamp.utc(year: 2026, month: 11, day: 23, hour: 8)!
        let mitigation = NoticeFacts.ActionItem(text: "Sample mitigation measure", kind: .mitigation, phase: .mitigate, at: t)
        let remediation = NoticeFacts.ActionItem(text: "Sample remediation action", kind: .remediation, phase: .remediate, at: t)
        var facts = NoticeFacts(
            incidentId: "INC-2026-0001", title: "Sample incident",
            customer: .init(
                slug: "sample", name: "Sample Customer Ltd", emails: ["dpo@sample.example"], language: "en", timeZone: "Europe/Berlin"),
            kind: .update, version: 2, draftedAt: t, dueBy: t, awareAt: t, occurredFrom: t, occurredTo: t, detectedAt: t,
            phase: .mitigate, source: "Sample Subprocessor Inc.", nature: "Sample nature",
            dataCategories: [
                .init(slug: "names", label: "Names"), .init(slug: "other:Sample data category", label: "Sample data category"),
            ],
            subjectCategories: [
                .init(slug: "end-users", label: "End users"),
                .init(slug: "other:Sample subject category", label: "Sample subject category"),
            ],
            records: 1200, subjects: 300, consequences: ["Sample consequence"], mitigationMeasures: [mitigation],
            remediationActions: [remediation],
            contact: .init(
                name: "Sample Processor", email: "security@processor.example", phone: "+1 555 0100",
                address: "1 Sample Street", dpoEmail: "dpo@processor.example"),
            nextUpdateBy: t,
            changes: [
                .init(
                    item: "Status", before: "contain", after: "mitigate", field: "phase", beforeValues: ["contain"],
                    afterValues: ["mitigate"])
            ],
            changesSinceVersion: 1, closingSummary: "Sample summary",
            registerReference: Checkpoint(events: 1, hash: String(repeating: "0", count: 64)))
        facts.severity = .high
        facts.systems = ["Sample system"]
        facts.regions = ["Sample region"]
        facts.recommendedActions = ["Sample recommendation"]
        facts.plannedActions = [.init(text: "Sample planned measure", targetBy: t)]
        facts.cannotDetermine = Undetermined.items.map { Undetermined(item: $0.key, reason: "Sample reason") }
        facts.closingNote = "Sample closing note"
        facts.subprocessorNotifiedAt = t
        return facts
    }
}

/// The seven items of DPA §9.2, each with the sample's text that shows a rendered notice states it.
enum SevenItems {
    static let markers: [(number: Int, key: String, name: String, text: String)] = [
        (1, "nature", "the nature of the incident", "Sample nature"),
        (2, "dataCategories", "the categories of personal data", "Sample data category"),
        (3, "subjectCategories", "the categories of data subjects", "Sample subject category"),
        (4, "consequences", "the known or suspected consequences", "Sample consequence"),
        (5, "remediationActions", "the remediation actions", "Sample remediation action"),
        (6, "mitigationMeasures", "the mitigation measures", "Sample mitigation measure"),
        (7, "contact", "the contact details", "security@processor.example"),
    ]
}
