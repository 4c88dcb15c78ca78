import IncidentCore

extension NoticeView {
    /// A notice with every fact present: the shape templates are checked against, and what
    /// `notice templates check` renders to prove a folder works end to end.
    static var sample: NoticeFacts {
        let t = Timestamp.utc(year: 2026, month: 11, day: 23, hour: 8)!
        let action = NoticeFacts.ActionItem(text: "Access keys rotated", kind: .mitigation, phase: .mitigate, at: t)
        return NoticeFacts(
            incidentId: "INC-2026-0001", title: "Sample incident",
            customer: .init(slug: "sample", name: "Sample Customer Ltd", emails: ["dpo@sample.example"], language: "en", timeZone: "Europe/Berlin"),
            kind: .update, version: 2, draftedAt: t, dueBy: t, awareAt: t, occurredFrom: t, occurredTo: t, detectedAt: t,
            phase: .mitigate, source: "Sample Subprocessor Inc.", nature: "Sample nature",
            dataCategories: [.init(slug: "names", label: "Names")], subjectCategories: [.init(slug: "end-users", label: "End users")],
            records: 1200, subjects: 300, consequences: ["Sample consequence"], mitigationMeasures: [action], remediationActions: [action],
            contact: .init(name: "Sample Processor", email: "security@processor.example", phone: "+1 555 0100",
                           address: "1 Sample Street", dpoEmail: "dpo@processor.example"),
            nextUpdateBy: t, changes: [.init(item: "Status", before: "contain", after: "mitigate")], changesSinceVersion: 1,
            closingSummary: "Sample summary", registerReference: Checkpoint(events: 1, hash: String(repeating: "0", count: 64)))
    }
}
