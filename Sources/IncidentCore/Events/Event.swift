import Foundation

/// One change to an incident, as the engine decided it and the register will keep it forever.
public struct IncidentEvent: Equatable, Sendable {
    public var incident: IncidentID
    /// 1 for the event that logged the incident, then one more for each event after it.
    public var number: Int
    public var payload: EventPayload
    public var actor: String
    /// When the register wrote it: stamped by the register with its write lock held (the engine's `now` until then).
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
    case customersMatched(CustomersMatched)

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
        case .customersMatched: "customers-matched"
        }
    }

    public static let types = [
        "logged", "updated", "advanced", "closed", "reopened",
        "customer-affected", "customer-unaffected", "notice-drafted", "notice-sent", "customers-matched",
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
        case .customersMatched(let body): try CanonicalJSON.encode(body)
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
        case "customers-matched": .customersMatched(try CanonicalJSON.decode(CustomersMatched.self, body))
        default: throw ReplayError(problem: "unknown event type '\(type)'")
        }
    }
}
