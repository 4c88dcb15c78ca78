import Foundation

/// What a notice cannot state yet: the §9.2 items and counts still unknown, and what a final notice must not leave open.
extension NoticeFacts {
    /// The counts this notice cannot state, by their JSON key.
    public var unknownCounts: [String] { (records == nil ? ["records"] : []) + (subjects == nil ? ["subjects"] : []) }

    /// What a final notice must not leave open: the §9.2 items and counts not known, less those recorded as
    /// impossible to determine.
    public static func gaps(incident: Incident, share: CustomerShare, organisation: Organisation?) -> [String] {
        let reasons = incident.undeterminedReasons
        let counts = (share.records == nil ? ["records"] : []) + (share.subjects == nil ? ["subjects"] : [])
        return (unknownItems(incident: incident, share: share, organisation: organisation) + counts).filter { reasons[$0] == nil }
    }

    /// The §9.2 items this notice cannot yet state, by their JSON key.
    public var unknownItems: [String] {
        Self.unknown(
            nature: nature, dataCategories: dataCategories.count, subjectCategories: subjectCategories.count,
            consequences: consequences.count, remediation: remediationActions.count, mitigation: mitigationMeasures.count,
            contactEmail: contact.email)
    }

    /// The same items for a notice drafted now from this incident and share, without drafting it.
    public static func unknownItems(incident: Incident, share: CustomerShare, organisation: Organisation?) -> [String] {
        let kinds = incident.standingActions.map(\.kind)
        return unknown(
            nature: incident.nature, dataCategories: share.dataCategories.count, subjectCategories: share.subjectCategories.count,
            consequences: incident.consequences.count,
            remediation: kinds.filter(remediationKinds.contains).count, mitigation: kinds.filter(mitigationKinds.contains).count,
            contactEmail: organisation?.email ?? "")
    }

    static let mitigationKinds: Set<ActionKind> = [.containment, .mitigation]
    static let remediationKinds: Set<ActionKind> = [.remediation, .restoration]

    private static func unknown(
        nature: String, dataCategories: Int, subjectCategories: Int, consequences: Int,
        remediation: Int, mitigation: Int, contactEmail: String
    ) -> [String] {
        var unknown: [String] = []
        if nature.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { unknown.append("nature") }
        if dataCategories == 0 { unknown.append("dataCategories") }
        if subjectCategories == 0 { unknown.append("subjectCategories") }
        if consequences == 0 { unknown.append("consequences") }
        if remediation == 0 { unknown.append("remediationActions") }
        if mitigation == 0 { unknown.append("mitigationMeasures") }
        if contactEmail.isEmpty { unknown.append("contact") }
        return unknown
    }
}
