/// The current state of one incident: what is known, what was done, where the response stands.
///
/// Never stored as such: it is the fold of the incident's events (see `Incident+Replay.swift`), and the
/// register keeps a projection of it that `verify` compares with a fresh fold.
public struct Incident: Codable, Equatable, Sendable {
    public var id: IncidentID
    public var title: String
    public var nature: String
    public var severity: Severity
    public var phase: Phase
    /// When the processor became aware: the notification clock starts here.
    public var awareAt: Timestamp
    public var occurredFrom: Timestamp?
    public var occurredTo: Timestamp?
    public var detectedAt: Timestamp?
    /// `internal`, or the name of the subprocessor where the incident started.
    public var source: String
    /// Where it started, when that is a subprocessor in our register, and when it told us.
    public var subprocessor: SubprocessorOrigin?
    public var systems: [String]
    public var regions: [String]
    public var dataCategories: [String]
    public var subjectCategories: [String]
    public var records: Int?
    public var subjects: Int?
    public var consequences: [String]
    public var actions: [Action]
    public var notes: [Note]
    public var openedAt: Timestamp
    public var openedBy: String
    public var updatedAt: Timestamp
    /// When the current phase was entered, and by which event (its number within the incident).
    public var phaseEnteredAt: Timestamp
    public var phaseEnteredEvent: Int
    public var closedAt: Timestamp?
    public var closingSummary: String?
    /// How many events the incident has; the next event is number `eventCount + 1`.
    public var eventCount: Int
    /// Each affected customer's share, in the order they were first marked affected.
    public var shares: [CustomerShare]
    /// Steps we recommend customers take; nil until the first is recorded.
    public var recommendedActions: [Recommendation]? = nil
    /// Measures planned with a target date; nil until the first is recorded.
    public var plannedActions: [PlannedAction]? = nil
    /// Actions taken back as recorded in error; nil until the first.
    public var withdrawnActions: [ActionWithdrawal]? = nil
    /// Items recorded as impossible to determine, with the reason; nil until the first.
    public var undetermined: [Undetermined]? = nil

    public init(
        id: IncidentID,
        title: String,
        nature: String,
        severity: Severity,
        phase: Phase,
        awareAt: Timestamp,
        occurredFrom: Timestamp?,
        occurredTo: Timestamp?,
        detectedAt: Timestamp?,
        source: String,
        subprocessor: SubprocessorOrigin? = nil,
        systems: [String],
        regions: [String],
        dataCategories: [String],
        subjectCategories: [String],
        records: Int?,
        subjects: Int?,
        consequences: [String],
        actions: [Action],
        notes: [Note],
        openedAt: Timestamp,
        openedBy: String,
        updatedAt: Timestamp,
        phaseEnteredAt: Timestamp,
        phaseEnteredEvent: Int,
        closedAt: Timestamp?,
        closingSummary: String?,
        eventCount: Int,
        shares: [CustomerShare] = []
    ) {
        self.shares = shares
        self.id = id
        self.title = title
        self.nature = nature
        self.severity = severity
        self.phase = phase
        self.awareAt = awareAt
        self.occurredFrom = occurredFrom
        self.occurredTo = occurredTo
        self.detectedAt = detectedAt
        self.source = source
        self.subprocessor = subprocessor
        self.systems = systems
        self.regions = regions
        self.dataCategories = dataCategories
        self.subjectCategories = subjectCategories
        self.records = records
        self.subjects = subjects
        self.consequences = consequences
        self.actions = actions
        self.notes = notes
        self.openedAt = openedAt
        self.openedBy = openedBy
        self.updatedAt = updatedAt
        self.phaseEnteredAt = phaseEnteredAt
        self.phaseEnteredEvent = phaseEnteredEvent
        self.closedAt = closedAt
        self.closingSummary = closingSummary
        self.eventCount = eventCount
    }

    public var isClosed: Bool { phase == .closed }

    /// The share of the customer with this slug, if it was ever marked affected.
    public func share(of customer: String) -> CustomerShare? { shareIndex(of: customer).map { shares[$0] } }

    /// Where that share is. Compares through the array in place: `first(where:)` would copy every share it
    /// passes, which made drafting for ten thousand customers quadratic in copies (measured with perf).
    public func shareIndex(of customer: String) -> Int? {
        shares.indices.first { shares[$0].customer == customer }
    }

    /// Actions recorded since the current phase was entered, and not withdrawn; these satisfy its exit criterion.
    public var actionsInCurrentPhase: [Action] {
        standingActions.filter { $0.phase == phase && $0.eventNumber > phaseEnteredEvent }
    }
}

/// Something the response team did, with the phase it was done in.
public struct Action: Codable, Equatable, Sendable {
    public var text: String
    public var kind: ActionKind
    public var phase: Phase
    public var takenAt: Timestamp
    public var takenBy: String
    /// The number, within the incident, of the event that recorded it.
    public var eventNumber: Int

    public init(text: String, kind: ActionKind, phase: Phase, takenAt: Timestamp, takenBy: String, eventNumber: Int) {
        self.text = text
        self.kind = kind
        self.phase = phase
        self.takenAt = takenAt
        self.takenBy = takenBy
        self.eventNumber = eventNumber
    }
}

/// A free-text update on the incident.
public struct Note: Codable, Equatable, Sendable {
    public var text: String
    public var at: Timestamp
    public var by: String
    public var eventNumber: Int

    public init(text: String, at: Timestamp, by: String, eventNumber: Int) {
        self.text = text
        self.at = at
        self.by = by
        self.eventNumber = eventNumber
    }
}
