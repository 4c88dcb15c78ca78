import IncidentCore

/// The JSON a window of events is stored with, made on every core before the events are appended in order. For a
/// batch of notices, encoding each payload and its facts was a fifth of drafting.
struct EncodedPayloads: Sendable {
    /// How many events are encoded together: enough to keep every core busy, few enough that ten thousand
    /// notices' JSON is never all in memory at once.
    static let window = 256

    /// Each event's payload, as `EventPayload.encodedBody` gives it, or the error it gave.
    private let payloads: [Result<String, any Error>]
    /// Each drafted notice's facts, as the notices table keeps them; nil for other events.
    private let facts: [Result<String?, any Error>]

    /// `withFacts` also encodes drafted notices' facts, for a backend whose notices table keeps them apart.
    init(_ events: ArraySlice<IncidentEvent>, withFacts: Bool) {
        let encoded = Parallel.map(Array(events)) { event in
            (
                payload: Result { try event.payload.encodedBody() },
                facts: Result { () -> String? in
                    guard withFacts, case .noticeDrafted(let body) = event.payload else { return nil }
                    return try CanonicalJSON.encode(body.facts)
                }
            )
        }
        // The closure itself never throws: each encoding keeps its own error, thrown where the event is appended.
        payloads = encoded.map { $0.map(\.payload) }.map { $0.flatMap { $0 } }
        facts = encoded.map { $0.map(\.facts) }.map { $0.flatMap { $0 } }
    }

    /// The payload of the window's `index`th event.
    func payload(_ index: Int) throws -> String { try payloads[index].get() }
    /// The facts of the window's `index`th event, if it drafts a notice.
    func facts(_ index: Int) throws -> String? { try facts[index].get() }

    /// Calls `body` with each window of `events` and its encoded JSON, in order.
    static func windows(
        _ events: [IncidentEvent], withFacts: Bool, _ body: (_ window: ArraySlice<IncidentEvent>, EncodedPayloads) throws -> Void
    ) rethrows {
        var start = 0
        while start < events.count {
            let window = events[start..<min(start + Self.window, events.count)]
            try body(window, EncodedPayloads(window, withFacts: withFacts))
            start = window.endIndex
        }
    }
}
