import Foundation

/// What changed since the notice the customer last received, and counts as a reader sees them.
extension NoticeFacts {
    /// `about 1,200`: approximate counts read as approximate.
    public static func approximate(_ value: Int) -> String {
        let digits = String(value)
        var grouped = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped += "," }
            grouped.append(c)
        }
        return "about \(grouped)"
    }

    /// The differences a reader of the previous notice needs to see first.
    func changes(since old: NoticeFacts) -> [Change] {
        var result: [Change] = []
        func list(_ values: [String]) -> String { values.isEmpty ? "not yet known" : values.joined(separator: "; ") }
        func count(_ value: Int?) -> String { value.map(Self.approximate) ?? "not yet known" }
        func digits(_ value: Int?) -> [String] { value.map { [String($0)] } ?? [] }
        func text(_ value: String) -> [String] { value.isEmpty ? [] : [value] }
        func note(_ field: String, _ item: String, _ before: String, _ after: String, _ beforeValues: [String], _ afterValues: [String]) {
            if before != after {
                result.append(
                    Change(item: item, before: before, after: after, field: field, beforeValues: beforeValues, afterValues: afterValues))
            }
        }
        func added(_ field: String, _ item: String, _ values: [String]) {
            if !values.isEmpty { result.append(Change(item: item, before: "", after: list(values), field: field, afterValues: values)) }
        }
        note("phase", "Status", old.phase.rawValue, phase.rawValue, [old.phase.rawValue], [phase.rawValue])
        note("awareAt", "When we became aware", old.awareAt.iso8601, awareAt.iso8601, [old.awareAt.iso8601], [awareAt.iso8601])
        note("nature", "Nature of the incident", old.nature, nature, text(old.nature), text(nature))
        // A list that only lost items is told as a withdrawal below, not as a new list.
        func onlyWithdrawn(_ old: [Category], _ new: [Category]) -> Bool {
            new.count < old.count && new.allSatisfy(old.contains)
        }
        if !onlyWithdrawn(old.dataCategories, dataCategories) {
            note(
                "dataCategories", "Categories of personal data", list(old.dataCategories.map(\.label)), list(dataCategories.map(\.label)),
                old.dataCategories.map(\.slug), dataCategories.map(\.slug))
        }
        if !onlyWithdrawn(old.subjectCategories, subjectCategories) {
            note(
                "subjectCategories", "Categories of data subjects", list(old.subjectCategories.map(\.label)),
                list(subjectCategories.map(\.label)),
                old.subjectCategories.map(\.slug), subjectCategories.map(\.slug))
        }
        note("records", "Approximate number of records", count(old.records), count(records), digits(old.records), digits(records))
        note(
            "subjects", "Approximate number of data subjects", count(old.subjects), count(subjects), digits(old.subjects), digits(subjects))
        added("consequences", "Consequences", consequences.filter { !old.consequences.contains($0) })
        added("mitigationMeasures", "Mitigation measures", mitigationMeasures.filter { !old.mitigationMeasures.contains($0) }.map(\.text))
        added("remediationActions", "Remediation actions", remediationActions.filter { !old.remediationActions.contains($0) }.map(\.text))
        let oldRecommended = old.recommendedActions ?? []
        let recommended = recommendedActions ?? []
        added("recommendedActions", "What we recommend you do", recommended.filter { !oldRecommended.contains($0) })
        let oldPlanned = (old.plannedActions ?? []).map(\.text)
        added("plannedActions", "Measures planned", (plannedActions ?? []).map(\.text).filter { !oldPlanned.contains($0) })
        // Withdrawn: what the last notice said and this one no longer does, because it was taken back.
        func withdrawn(_ field: String, _ item: String, _ values: [String]) {
            if !values.isEmpty {
                result.append(Change(item: item, before: "", after: list(values), field: field, afterValues: values))
            }
        }
        let slugs = Set(dataCategories.map(\.slug))
        withdrawn(
            "withdrawnDataCategories", "Withdrawn: categories of personal data",
            old.dataCategories.map(\.slug).filter { !slugs.contains($0) })
        let subjectSlugs = Set(subjectCategories.map(\.slug))
        withdrawn(
            "withdrawnSubjectCategories", "Withdrawn: categories of data subjects",
            old.subjectCategories.map(\.slug).filter { !subjectSlugs.contains($0) })
        withdrawn("withdrawnConsequences", "Withdrawn: consequences", old.consequences.filter { !consequences.contains($0) })
        let measures = mitigationMeasures + remediationActions
        withdrawn(
            "withdrawnActions", "Withdrawn: measures reported earlier",
            (old.mitigationMeasures + old.remediationActions).filter { !measures.contains($0) }.map(\.text))
        // Notices drafted before recommendations existed have none to withdraw.
        if old.recommendedActions != nil {
            withdrawn(
                "withdrawnRecommendedActions", "Withdrawn: recommendations", oldRecommended.filter { !recommended.contains($0) })
        }
        return result
    }
}
