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
    /// The notice's number as the customer counts them: 1 for the first notice it was sent, and so on. `version`
    /// counts our drafts, some never sent. Absent in notices drafted before it was recorded (they showed `version`).
    public var sequence: Int?
    /// The customer's number of the notice `changes` compare against (`changesSinceVersion` is our version id).
    public var changesSinceNotice: Int?
    /// In a `not-affected` notice: why investigation ruled the customer out.
    public var ruledOutReason: String?

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
}
