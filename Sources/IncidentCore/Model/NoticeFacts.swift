import Foundation

/// Everything one notice says, frozen at drafting: what templates render and what JSON exports carry.
///
/// The seven DPA §9.2 items have fixed keys: `nature`, `dataCategories`, `subjectCategories`,
/// `consequences`, `remediationActions`, `mitigationMeasures`, `contact`.
public struct NoticeFacts: Codable, Equatable, Sendable {
    public struct CustomerRef: Codable, Equatable, Sendable {
        public var slug: String
        public var name: String
        public var emails: [String]
        public var language: String
        public var timeZone: String
        public init(slug: String, name: String, emails: [String], language: String, timeZone: String) {
            self.slug = slug
            self.name = name
            self.emails = emails
            self.language = language
            self.timeZone = timeZone
        }
    }

    public struct Category: Codable, Equatable, Sendable {
        public var slug: String
        public var label: String
        public init(slug: String, label: String) {
            self.slug = slug
            self.label = label
        }
    }

    public struct ActionItem: Codable, Equatable, Sendable {
        public var text: String
        public var kind: ActionKind
        public var phase: Phase
        public var at: Timestamp
        public init(text: String, kind: ActionKind, phase: Phase, at: Timestamp) {
            self.text = text
            self.kind = kind
            self.phase = phase
            self.at = at
        }
    }

    public struct Contact: Codable, Equatable, Sendable {
        public var name: String
        public var email: String
        public var phone: String?
        public var address: String?
        public var dpoEmail: String?
        public init(name: String, email: String, phone: String?, address: String?, dpoEmail: String?) {
            self.name = name
            self.email = email
            self.phone = phone
            self.address = address
            self.dpoEmail = dpoEmail
        }
    }

    /// A measure planned, with its target date.
    public struct PlannedItem: Codable, Equatable, Sendable {
        public var text: String
        public var targetBy: Timestamp
        public init(text: String, targetBy: Timestamp) {
            self.text = text
            self.targetBy = targetBy
        }
    }

    /// One thing that changed since the last notice sent to this customer.
    ///
    /// `item`, `before` and `after` are English words, kept for readers of the JSON export. `field` and the
    /// two value lists say the same thing without words, so a notice can word it in its own language. They
    /// are absent from notices drafted before they were recorded.
    public struct Change: Codable, Equatable, Sendable {
        public var item: String
        public var before: String
        public var after: String
        /// The fact that changed, by its key in these facts: `phase`, `awareAt`, `nature`, `dataCategories`,
        /// `subjectCategories`, `records`, `subjects`, `consequences`, `mitigationMeasures`, `remediationActions`,
        /// `recommendedActions`, `plannedActions`; or what was taken back: `withdrawnDataCategories`,
        /// `withdrawnSubjectCategories`, `withdrawnConsequences`, `withdrawnActions`, `withdrawnRecommendedActions`.
        public var field: String?
        /// The values before and after, without words: phase names, ISO 8601 times, category slugs, counts
        /// as digits, or text as typed. An empty list is "not yet known"; additions have no `beforeValues`.
        public var beforeValues: [String]?
        public var afterValues: [String]?
        public init(
            item: String, before: String, after: String, field: String? = nil, beforeValues: [String]? = nil,
            afterValues: [String]? = nil
        ) {
            self.item = item
            self.before = before
            self.after = after
            self.field = field
            self.beforeValues = beforeValues
            self.afterValues = afterValues
        }
    }

    public var incidentId: String
    public var title: String
    public var customer: CustomerRef
    public var kind: NoticeKind
    public var version: Int
    public var draftedAt: Timestamp
    public var dueBy: Timestamp
    public var awareAt: Timestamp
    public var occurredFrom: Timestamp?
    public var occurredTo: Timestamp?
    public var detectedAt: Timestamp?
    public var phase: Phase
    public var source: String
    public var nature: String
    public var dataCategories: [Category]
    public var subjectCategories: [Category]
    public var records: Int?
    public var subjects: Int?
    public var consequences: [String]
    public var mitigationMeasures: [ActionItem]
    public var remediationActions: [ActionItem]
    public var contact: Contact
    /// When the next update can be expected; nil in a final notice.
    public var nextUpdateBy: Timestamp?
    /// What changed since the last notice sent (empty in an initial notice).
    public var changes: [Change]
    /// The version last sent to this customer, which `changes` compare against.
    public var changesSinceVersion: Int?
    public var closingSummary: String?
    public var registerReference: Checkpoint
    /// The language the notice is written in: the customer's, or English when its set is missing.
    public var language: String = "en"
    // The keys below are absent from notices drafted before they existed.
    public var severity: Severity?
    public var systems: [String]?
    public var regions: [String]?
    /// Steps we recommend the customer takes.
    public var recommendedActions: [String]?
    /// Measures still planned, with their target dates.
    public var plannedActions: [PlannedItem]?
    /// Items this notice cannot state and that cannot be determined, with the reason.
    public var cannotDetermine: [Undetermined]?
    /// A note for this customer alone, given when its final notice was drafted.
    public var closingNote: String?
    /// True when the incident started at a subprocessor that our details say notices do not name: `source`
    /// then holds the word `subprocessor`, never the name. Absent otherwise.
    public var sourceWithheld: Bool?
    /// When the subprocessor where it started told us, for an incident logged with `--subprocessor`.
    public var subprocessorNotifiedAt: Timestamp?

    public init(
        incidentId: String, title: String, customer: CustomerRef, kind: NoticeKind, version: Int, draftedAt: Timestamp, dueBy: Timestamp,
        awareAt: Timestamp, occurredFrom: Timestamp?, occurredTo: Timestamp?, detectedAt: Timestamp?, phase: Phase, source: String,
        nature: String, dataCategories: [Category], subjectCategories: [Category], records: Int?, subjects: Int?, consequences: [String],
        mitigationMeasures: [ActionItem], remediationActions: [ActionItem], contact: Contact, nextUpdateBy: Timestamp?, changes: [Change],
        changesSinceVersion: Int?, closingSummary: String?, registerReference: Checkpoint
    ) {
        self.incidentId = incidentId
        self.title = title
        self.customer = customer
        self.kind = kind
        self.version = version
        self.draftedAt = draftedAt
        self.dueBy = dueBy
        self.awareAt = awareAt
        self.occurredFrom = occurredFrom
        self.occurredTo = occurredTo
        self.detectedAt = detectedAt
        self.phase = phase
        self.source = source
        self.nature = nature
        self.dataCategories = dataCategories
        self.subjectCategories = subjectCategories
        self.records = records
        self.subjects = subjects
        self.consequences = consequences
        self.mitigationMeasures = mitigationMeasures
        self.remediationActions = remediationActions
        self.contact = contact
        self.nextUpdateBy = nextUpdateBy
        self.changes = changes
        self.changesSinceVersion = changesSinceVersion
        self.closingSummary = closingSummary
        self.registerReference = registerReference
    }

    /// Builds the facts of one customer's notice from the incident, its share, and our details.
    public static func build(
        incident: Incident, share: CustomerShare, customer: Customer, organisation: Organisation,
        kind: NoticeKind, version: Int, draftedAt: Timestamp, checkpoint: Checkpoint,
        lastSent: NoticeVersion?
    ) -> NoticeFacts {
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
            nextUpdateBy: kind == .final ? nil : draftedAt.adding(seconds: Int64(organisation.updateHours) * 3600),
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
        if let previous = lastSent?.facts, kind != .initial { facts.changes = facts.changes(since: previous) }
        return facts
    }

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
