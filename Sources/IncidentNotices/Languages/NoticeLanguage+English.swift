import IncidentCore

extension NoticeLanguage {
    /// English: the words the notices have always used. Category labels are the vocabulary's own.
    static let english = NoticeLanguage(
        code: "en",
        phases: [
            .investigate: "under investigation",
            .contain: "being contained",
            .mitigate: "contained; its effects are being mitigated",
            .remediate: "contained; the cause is being remediated",
            .restore: "remediated; affected services are being restored",
            .closed: "closed",
        ],
        changeItems: [
            "phase": "Status",
            "awareAt": "When we became aware",
            "nature": "Nature of the incident",
            "dataCategories": "Categories of personal data",
            "subjectCategories": "Categories of data subjects",
            "records": "Approximate number of records",
            "subjects": "Approximate number of data subjects",
            "consequences": "Consequences",
            "mitigationMeasures": "Mitigation measures",
            "remediationActions": "Remediation actions",
            "recommendedActions": "New recommendations to you",
            "plannedActions": "Newly planned measures",
            "withdrawnDataCategories": "No longer affected, as reported earlier in error: categories of personal data",
            "withdrawnSubjectCategories": "No longer affected, as reported earlier in error: categories of data subjects",
            "withdrawnConsequences": "Consequences reported earlier that we no longer expect",
            "withdrawnActions": "Measures reported earlier in error, now withdrawn",
            "withdrawnRecommendedActions": "Recommendations we withdraw",
        ],
        severities: [.low: "minor", .medium: "moderate", .high: "serious", .critical: "very serious"],
        notYetKnown: "not yet known",
        listSeparator: "; ",
        categories: Dictionary(
            uniqueKeysWithValues: (Vocabulary.dataCategories.terms + Vocabulary.subjectCategories.terms).map { ($0.slug, $0.label) }),
        approximate: { "about " + grouped($0, ",") },
        // `2026-11-23 09:05`, or `2026-10-24 10:00 (UTC+02:00)` when its offset differs from the one the notice names.
        time: { t in
            "\(t.year)-\(twoDigits(t.month))-\(twoDigits(t.day))\u{A0}\(twoDigits(t.hour)):\(twoDigits(t.minute))" + zoneSuffix(t)
        })
}
