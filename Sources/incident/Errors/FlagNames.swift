import IncidentCore

/// The one place that knows which option supplies each field the core and the store name.
enum FlagNames {
    static func flag(for field: Field) -> String {
        table[field] ?? field.name
    }

    private static let table: [Field: String] = [
        .incident: "ID", .title: "--title", .nature: "--nature", .severity: "--severity", .awareAt: "--aware-at",
        .occurredFrom: "--occurred-from", .occurredTo: "--occurred-to", .detectedAt: "--detected-at", .at: "--at",
        .source: "--source", .system: "--system", .region: "--region", .service: "--service",
        .subprocessor: "--subprocessor", .subprocessorSlug: "SLUG", .subprocessorName: "--name", .notifyHours: "--notify-hours",
        .subprocessorNotifiedAt: "--subprocessor-notified-at", .dataCategory: "--data-category",
        .subjectCategory: "--subject-category", .records: "--records", .subjects: "--subjects", .consequence: "--consequence",
        .breachType: "--breach-type", .periodStart: "--since", .periodEnd: "--until",
        .note: "--note", .action: "--action", .actionKind: "--kind", .update: "update", .phase: "--phase",
        .summary: "--summary", .reason: "--reason", .actor: "--by", .customer: "--customer", .customerSlug: "SLUG",
        .customerName: "--name", .customerEmail: "--email", .language: "--language", .timeZone: "--timezone",
        .noticeHours: "--notice-hours", .updateHours: "--update-hours", .organisation: "org set", .organisationName: "--name",
        .organisationEmail: "--email", .dpoEmail: "--dpo-email", .phone: "--phone", .address: "--address",
        .templates: "--templates", .noticeKind: "--kind", .noticeVersion: "--version", .noticeFormat: "--format",
        .sentVia: "--via", .checkpoint: "--checkpoint", .customerChoice: "--all",
        .withdrawnDataCategory: "--withdraw-data-category", .withdrawnSubjectCategory: "--withdraw-subject-category",
        .withdrawnConsequence: "--withdraw-consequence", .withdrawnAction: "--withdraw-action",
        .withdrawnRecommendation: "--withdraw-customer-action", .withdrawnPlannedAction: "--withdraw-planned-action",
        .recommendation: "--customer-action", .plannedAction: "--planned-action", .plannedBy: "--planned-by",
        .completedPlanned: "--complete-planned", .undeterminedItem: "--cannot-determine", .closingNote: "--note",
    ]
}
