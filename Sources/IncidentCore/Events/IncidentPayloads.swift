/// The bodies of the events about an incident's facts and phases.

/// A new incident enters the register.
public struct Logged: Codable, Equatable, Sendable {
    public var title: String
    public var nature: String
    public var severity: Severity
    public var awareAt: Timestamp
    public var occurredFrom: Timestamp?
    public var occurredTo: Timestamp?
    public var detectedAt: Timestamp?
    public var source: String
    /// Set when the incident started at a subprocessor in our register (`source` is then its name).
    public var subprocessor: SubprocessorOrigin?
    public var systems: [String]
    public var regions: [String]
    public var dataCategories: [String]
    public var subjectCategories: [String]
    public var records: Int?
    public var subjects: Int?
    public var consequences: [String]
    /// Which of confidentiality, integrity and availability the breach touches (`--breach-type`); nil
    /// when none was stated, so events logged before the option existed keep their bytes.
    public var breachTypes: [BreachType]?

    public init(
        title: String, nature: String, severity: Severity = .medium, awareAt: Timestamp,
        occurredFrom: Timestamp? = nil, occurredTo: Timestamp? = nil, detectedAt: Timestamp? = nil,
        source: String = "internal", systems: [String] = [], regions: [String] = [],
        dataCategories: [String] = [], subjectCategories: [String] = [],
        records: Int? = nil, subjects: Int? = nil, consequences: [String] = [], breachTypes: [BreachType]? = nil,
        subprocessor: SubprocessorOrigin? = nil
    ) {
        self.breachTypes = breachTypes
        self.subprocessor = subprocessor
        self.title = title
        self.nature = nature
        self.severity = severity
        self.awareAt = awareAt
        self.occurredFrom = occurredFrom
        self.occurredTo = occurredTo
        self.detectedAt = detectedAt
        self.source = source
        self.systems = systems
        self.regions = regions
        self.dataCategories = dataCategories
        self.subjectCategories = subjectCategories
        self.records = records
        self.subjects = subjects
        self.consequences = consequences
    }
}

/// A value that replaces an earlier one; `from` keeps what it corrects, so nothing is lost.
public struct Change<Value: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
    public var from: Value?
    public var to: Value

    public init(from: Value?, to: Value) {
        self.from = from
        self.to = to
    }
}

/// New knowledge about an incident: a note, an action, more effects, or a correction of a fact.
public struct Updated: Codable, Equatable, Sendable {
    public var note: String?
    public var action: ActionTaken?
    public var consequences: [String] = []
    public var dataCategories: [String] = []
    public var subjectCategories: [String] = []
    public var systems: [String] = []
    public var regions: [String] = []
    public var records: Change<Int>?
    public var subjects: Change<Int>?
    public var nature: Change<String>?
    public var title: Change<String>?
    public var severity: Change<Severity>?
    public var source: Change<String>?
    public var awareAt: Change<Timestamp>?
    public var occurredFrom: Change<Timestamp>?
    public var occurredTo: Change<Timestamp>?
    public var detectedAt: Change<Timestamp>?
    /// What this update takes back; `note` says why.
    public var withdrawn: Withdrawn?
    /// Steps recommended to customers.
    public var recommendedActions: [String]?
    /// A measure planned with its target date.
    public var plannedAction: Planned?
    /// The number (from 1) of the planned measure that `action` completes.
    public var completesPlanned: Int?
    /// Items recorded as impossible to determine, with the reason.
    public var cannotDetermine: [Undetermined]?
    /// Breach types added (`--breach-type`); nil when none, so older events keep their bytes.
    public var breachTypes: [BreachType]?
    /// The subprocessor where it started, or when it told us, corrected (`--subprocessor`,
    /// `--subprocessor-notified-at`); nil when unchanged, so older events keep their bytes.
    public var subprocessor: Change<SubprocessorOrigin>?

    public init() {}
}

/// An action as recorded in an `updated` event.
public struct ActionTaken: Codable, Equatable, Sendable {
    public var text: String
    public var kind: ActionKind
    /// The phase the incident was in when the action was recorded.
    public var phase: Phase

    public init(text: String, kind: ActionKind, phase: Phase) {
        self.text = text
        self.kind = kind
        self.phase = phase
    }
}

public struct Advanced: Codable, Equatable, Sendable {
    public var from: Phase
    public var to: Phase
    public var note: String
}

public struct Closed: Codable, Equatable, Sendable {
    public var from: Phase
    public var summary: String
}

public struct Reopened: Codable, Equatable, Sendable {
    public var to: Phase
    public var reason: String
}
