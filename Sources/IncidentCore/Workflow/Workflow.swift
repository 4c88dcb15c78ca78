import Foundation

/// Who is acting and when: passed in, so the engine never reads a clock or the environment.
public struct Context: Sendable {
    public var actor: String
    /// The time the register records the event.
    public var now: Timestamp
    /// When the step happened, if not now (`--at`).
    public var at: Timestamp?

    public init(actor: String, now: Timestamp, at: Timestamp? = nil) {
        self.actor = actor
        self.now = now
        self.at = at
    }
}

/// The DPA §9.4 workflow engine: decides whether a step is allowed and which event records it.
///
/// Every function is pure: it takes the current state and returns the event, or throws a
/// `WorkflowRefusal` listing every unmet criterion, or an `InputError` for data it cannot accept.
public enum Workflow {
    /// Responders' clocks drift; a time this far ahead of the register's clock is still accepted.
    public static let futureTolerance: Int64 = 300

    public static func log(_ body: Logged, id: IncidentID, context: Context) throws -> IncidentEvent {
        try check(body, context: context)
        return IncidentEvent(
            incident: id, number: 1, payload: .logged(body), actor: context.actor,
            recordedAt: context.now, occurredAt: body.awareAt)
    }

    /// The checks `log` makes, for callers that want them before touching the register.
    public static func check(_ body: Logged, context: Context) throws {
        try checkPast(body.awareAt, field: .awareAt, context: context)
        for (time, field) in [(body.occurredFrom, Field.occurredFrom), (body.occurredTo, .occurredTo), (body.detectedAt, .detectedAt)] {
            if let time { try checkPast(time, field: field, context: context) }
        }
        try checkWindow(from: body.occurredFrom, to: body.occurredTo)
        if let origin = body.subprocessor { try checkToldUs(origin, detectedAt: body.detectedAt, context: context) }
    }

    /// A subprocessor told us neither in the future nor before the incident was detected.
    private static func checkToldUs(_ origin: SubprocessorOrigin, detectedAt: Timestamp?, context: Context) throws {
        try checkPast(origin.notifiedAt, field: .subprocessorNotifiedAt, context: context)
        if let detected = detectedAt, origin.notifiedAt < detected {
            throw InputError(
                field: .subprocessorNotifiedAt,
                problem:
                    "\(origin.notifiedAt) is before the detection time \(detected); the subprocessor cannot have told us before it knew")
        }
    }

    public static func update(_ incident: Incident, with body: Updated, context: Context) throws -> IncidentEvent {
        // What its final notices cannot state may still be recorded on a closed incident, so that they can go out.
        var rest = body
        rest.cannotDetermine = nil
        rest.note = nil
        let onlyUndetermined = body.cannotDetermine != nil && rest == Updated()
        guard !incident.isClosed || onlyUndetermined else {
            throw WorkflowRefusal(
                step: "update", incident: incident.id,
                unmet: [Unmet("it is closed", next: .reopen(incident.id))])
        }
        guard body != Updated() else {
            throw InputError(
                field: .update,
                problem: "nothing new to record; give a note, an action, a consequence, a category, a count or a corrected fact")
        }
        if let action = body.action, action.phase != incident.phase {
            throw InputError(field: .action, problem: "recorded in \(action.phase) but \(incident.id) is in \(incident.phase)")
        }
        for (change, field) in [
            (body.awareAt, Field.awareAt), (body.occurredFrom, .occurredFrom),
            (body.occurredTo, .occurredTo), (body.detectedAt, .detectedAt),
        ] {
            if let change { try checkPast(change.to, field: field, context: context) }
        }
        // A corrected origin, or a corrected detection time, must still leave the subprocessor telling us after it knew.
        if let origin = body.subprocessor?.to ?? (body.detectedAt != nil ? incident.subprocessor : nil) {
            try checkToldUs(origin, detectedAt: body.detectedAt?.to ?? incident.detectedAt, context: context)
        }
        if let awareAt = body.awareAt?.to, awareAt.year != incident.id.year {
            throw InputError(
                field: .awareAt,
                problem:
                    "\(awareAt) is in \(awareAt.year) but \(incident.id) was numbered for \(incident.id.year); log a new incident if the year was wrong"
            )
        }
        try checkWindow(from: body.occurredFrom?.to ?? incident.occurredFrom, to: body.occurredTo?.to ?? incident.occurredTo)
        return try event(for: incident, .updated(body), context: context)
    }

    /// Moves one phase forward, if the current phase's exit criteria are met.
    public static func advance(_ incident: Incident, note: String, context: Context) throws -> IncidentEvent {
        guard let next = incident.phase.next else {
            let reason =
                incident.isClosed
                ? Unmet("it is closed", next: .reopen(incident.id))
                : Unmet("restore is the last phase", next: .close(incident.id))
            throw WorkflowRefusal(step: "advance", incident: incident.id, unmet: [reason])
        }
        let unmet = unmetExitCriteria(incident)
        guard unmet.isEmpty else { throw WorkflowRefusal(step: "advance", incident: incident.id, unmet: unmet) }
        return try event(for: incident, .advanced(Advanced(from: incident.phase, to: next, note: note)), context: context)
    }

    /// Closes an incident that is in restore and has met restore's exit criterion.
    public static func close(_ incident: Incident, summary: String, context: Context) throws -> IncidentEvent {
        var unmet: [Unmet] = []
        if incident.isClosed {
            unmet.append("it is already closed")
        } else if incident.phase != .restore {
            unmet.append(Unmet("it is in \(incident.phase); only an incident in restore can be closed (advance it first)"))
        } else {
            unmet = unmetExitCriteria(incident)
        }
        guard unmet.isEmpty else { throw WorkflowRefusal(step: "close", incident: incident.id, unmet: unmet) }
        return try event(for: incident, .closed(Closed(from: incident.phase, summary: summary)), context: context)
    }

    /// Brings a closed incident back to a working phase, with the reason.
    public static func reopen(_ incident: Incident, to phase: Phase, reason: String, context: Context) throws -> IncidentEvent {
        guard incident.isClosed else {
            throw WorkflowRefusal(step: "reopen", incident: incident.id, unmet: [Unmet("it is not closed (it is in \(incident.phase))")])
        }
        guard phase != .closed else {
            throw InputError(
                field: .phase, problem: "name the working phase to reopen in: investigate, contain, mitigate, remediate or restore")
        }
        return try event(for: incident, .reopened(Reopened(to: phase, reason: reason)), context: context)
    }

    /// Every exit criterion of the current phase that is not yet met, in words a responder can act on.
    public static func unmetExitCriteria(_ incident: Incident) -> [Unmet] {
        switch incident.phase {
        case .investigate:
            let nature = incident.nature.trimmingCharacters(in: .whitespacesAndNewlines)
            return nature.isEmpty ? [Unmet("the nature of the incident is not stated", next: .stateNature(incident.id))] : []
        case .contain, .mitigate, .remediate, .restore:
            return incident.actionsInCurrentPhase.isEmpty
                ? [Unmet("no action is recorded in \(incident.phase)", next: .recordAction(incident.id))]
                : []
        case .closed:
            return []
        }
    }

    /// The event recording `payload` on `incident`; `earlier` counts the events decided before it in the same batch,
    /// which the register appends first, so numbers follow on without the batch being applied here.
    static func event(for incident: Incident, _ payload: EventPayload, context: Context, after earlier: Int = 0) throws -> IncidentEvent {
        let occurred = context.at ?? context.now
        try checkPast(occurred, field: .at, context: context)
        return IncidentEvent(
            incident: incident.id, number: incident.eventCount + 1 + earlier, payload: payload,
            actor: context.actor, recordedAt: context.now, occurredAt: occurred)
    }

    private static func checkPast(_ time: Timestamp, field: Field, context: Context) throws {
        if time.seconds > context.now.seconds + futureTolerance {
            throw InputError(field: field, problem: "\(time) is in the future (the clock says \(context.now)); give the time it happened")
        }
    }

    private static func checkWindow(from: Timestamp?, to: Timestamp?) throws {
        if let from, let to, from > to {
            throw InputError(field: .occurredTo, problem: "\(to) is before the start of the window, \(from); swap them or correct one")
        }
    }
}
