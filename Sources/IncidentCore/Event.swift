import Foundation

/// One change to an incident, as the engine decided it and the register will keep it forever.
public struct IncidentEvent: Equatable, Sendable {
    public var incident: IncidentID
    /// 1 for the event that logged the incident, then one more for each event after it.
    public var number: Int
    public var payload: EventPayload
    public var actor: String
    /// When the register wrote it.
    public var recordedAt: Timestamp
    /// When it happened in the world (`--at`); the same as `recordedAt` unless told otherwise.
    public var occurredAt: Timestamp

    public init(incident: IncidentID, number: Int, payload: EventPayload, actor: String, recordedAt: Timestamp, occurredAt: Timestamp) {
        self.incident = incident
        self.number = number
        self.payload = payload
        self.actor = actor
        self.recordedAt = recordedAt
        self.occurredAt = occurredAt
    }
}

/// What an event says. The type name and the JSON body are what the register stores.
public enum EventPayload: Equatable, Sendable {
    case logged(Logged)
    case updated(Updated)
    case advanced(Advanced)
    case closed(Closed)
    case reopened(Reopened)
    case affected(Affected)
    case unaffected(Unaffected)
    case noticeDrafted(NoticeVersion)
    case noticeSent(NoticeSent)

    /// The stored type name, lowercase.
    public var type: String {
        switch self {
        case .logged: "logged"
        case .updated: "updated"
        case .advanced: "advanced"
        case .closed: "closed"
        case .reopened: "reopened"
        case .affected: "customer-affected"
        case .unaffected: "customer-unaffected"
        case .noticeDrafted: "notice-drafted"
        case .noticeSent: "notice-sent"
        }
    }

    public static let types = [
        "logged", "updated", "advanced", "closed", "reopened",
        "customer-affected", "customer-unaffected", "notice-drafted", "notice-sent",
    ]

    /// The canonical JSON body: sorted keys, no extra whitespace, so the same payload is the same bytes.
    public func encodedBody() throws -> String {
        switch self {
        case .logged(let body): try CanonicalJSON.encode(body)
        case .updated(let body): try CanonicalJSON.encode(body)
        case .advanced(let body): try CanonicalJSON.encode(body)
        case .closed(let body): try CanonicalJSON.encode(body)
        case .reopened(let body): try CanonicalJSON.encode(body)
        case .affected(let body): try CanonicalJSON.encode(body)
        case .unaffected(let body): try CanonicalJSON.encode(body)
        case .noticeDrafted(let body): try CanonicalJSON.encode(body)
        case .noticeSent(let body): try CanonicalJSON.encode(body)
        }
    }

    public static func decode(type: String, body: String) throws -> EventPayload {
        switch type {
        case "logged": .logged(try CanonicalJSON.decode(Logged.self, body))
        case "updated": .updated(try CanonicalJSON.decode(Updated.self, body))
        case "advanced": .advanced(try CanonicalJSON.decode(Advanced.self, body))
        case "closed": .closed(try CanonicalJSON.decode(Closed.self, body))
        case "reopened": .reopened(try CanonicalJSON.decode(Reopened.self, body))
        case "customer-affected": .affected(try CanonicalJSON.decode(Affected.self, body))
        case "customer-unaffected": .unaffected(try CanonicalJSON.decode(Unaffected.self, body))
        case "notice-drafted": .noticeDrafted(try CanonicalJSON.decode(NoticeVersion.self, body))
        case "notice-sent": .noticeSent(try CanonicalJSON.decode(NoticeSent.self, body))
        default: throw ReplayError(problem: "unknown event type '\(type)'")
        }
    }
}

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
    public var systems: [String]
    public var regions: [String]
    public var dataCategories: [String]
    public var subjectCategories: [String]
    public var records: Int?
    public var subjects: Int?
    public var consequences: [String]

    public init(title: String, nature: String, severity: Severity = .medium, awareAt: Timestamp,
                occurredFrom: Timestamp? = nil, occurredTo: Timestamp? = nil, detectedAt: Timestamp? = nil,
                source: String = "internal", systems: [String] = [], regions: [String] = [],
                dataCategories: [String] = [], subjectCategories: [String] = [],
                records: Int? = nil, subjects: Int? = nil, consequences: [String] = []) {
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

/// An event that cannot be folded into the state it follows: the register's history is inconsistent.
public struct ReplayError: Error, Equatable, Sendable, CustomStringConvertible {
    public let problem: String
    public init(problem: String) { self.problem = problem }
    public var description: String { problem }
}
