import Foundation
import GRDB
import IncidentCore

/// The current-state tables (`incidents`, `actions`, `notes`): written from the folded state in the same
/// transaction as the event, and read back as `Incident` values.
enum Projection {
    /// Writes the state after `event` (stored as `seq`): the incident row, and the action or note it adds.
    /// `facts` is a drafted notice's facts already encoded, if the caller made them before the write. With
    /// `incidentRow` false the incident row is left for a later event of the same transaction to write.
    static func write(
        _ incident: Incident, after event: IncidentEvent, seq: Int64, in db: Database, facts: String? = nil, incidentRow: Bool = true
    ) throws {
        if incidentRow { try writeRow(incident, seq: seq, in: db) }
        for action in incident.actions where action.eventNumber == event.number {
            try db.cachedStatement(
                sql: """
                    INSERT INTO actions (incident_id, event_number, text, kind, phase, taken_at, taken_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                incident.id.description, action.eventNumber, action.text, action.kind.rawValue,
                action.phase.rawValue, action.takenAt.iso8601, action.takenBy,
            ])
        }
        for note in incident.notes where note.eventNumber == event.number {
            try db.cachedStatement(sql: "INSERT INTO notes (incident_id, event_number, text, at, by) VALUES (?, ?, ?, ?, ?)").execute(
                arguments: [incident.id.description, note.eventNumber, note.text, note.at.iso8601, note.by])
        }
        try SharesProjection.write(incident, after: event, in: db)
        try NoticesProjection.write(after: event, seq: seq, in: db, facts: facts)
    }

    /// The incident row as it stands after the event stored as `seq`.
    private static func writeRow(_ incident: Incident, seq: Int64, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO incidents (id, year, number, title, nature, severity, phase, aware_at, occurred_from,
                    occurred_to, detected_at, source, systems, regions, data_categories, subject_categories, consequences,
                    records, subjects, opened_at, opened_by, updated_at, phase_entered_at, phase_entered_event,
                    closed_at, closing_summary, event_count, last_seq, advice, subprocessor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, nature = excluded.nature,
                    severity = excluded.severity, phase = excluded.phase, aware_at = excluded.aware_at,
                    occurred_from = excluded.occurred_from, occurred_to = excluded.occurred_to,
                    detected_at = excluded.detected_at, source = excluded.source, systems = excluded.systems,
                    regions = excluded.regions, data_categories = excluded.data_categories,
                    subject_categories = excluded.subject_categories, consequences = excluded.consequences,
                    records = excluded.records, subjects = excluded.subjects, updated_at = excluded.updated_at,
                    phase_entered_at = excluded.phase_entered_at, phase_entered_event = excluded.phase_entered_event,
                    closed_at = excluded.closed_at, closing_summary = excluded.closing_summary,
                    event_count = excluded.event_count, last_seq = excluded.last_seq, advice = excluded.advice,
                    subprocessor = excluded.subprocessor
                """
        ).execute(arguments: [
            incident.id.description, incident.id.year, incident.id.number, incident.title, incident.nature,
            incident.severity.rawValue, incident.phase.rawValue, incident.awareAt.iso8601,
            incident.occurredFrom?.iso8601, incident.occurredTo?.iso8601, incident.detectedAt?.iso8601,
            incident.source, json(incident.systems), json(incident.regions), json(incident.dataCategories),
            json(incident.subjectCategories), json(incident.consequences), incident.records, incident.subjects,
            incident.openedAt.iso8601, incident.openedBy, incident.updatedAt.iso8601,
            incident.phaseEnteredAt.iso8601, incident.phaseEnteredEvent, incident.closedAt?.iso8601,
            incident.closingSummary, incident.eventCount, seq, try Advice(incident).encoded(),
            try incident.subprocessor.map { try CanonicalJSON.encode($0) },
        ])
    }

    /// One incident with its actions and notes, or nil.
    static func incident(_ id: IncidentID, in db: Database) throws -> Incident? {
        // Cached: `verify` loads every incident through these, one at a time.
        guard
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM incidents WHERE id = ?"), arguments: [id.description])
        else {
            return nil
        }
        let actions = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM actions WHERE incident_id = ? ORDER BY event_number"),
            arguments: [id.description]
        ).map(action)
        let notes = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM notes WHERE incident_id = ? ORDER BY event_number"),
            arguments: [id.description]
        ).map(note)
        return try incident(from: row, actions: actions, notes: notes, shares: SharesProjection.shares(of: id, in: db))
    }

    /// Every incident, for `verify`: three scans, grouped in memory, no query per incident.
    static func all(in db: Database) throws -> [IncidentID: Incident] {
        var actions: [String: [Action]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM actions ORDER BY incident_id, event_number") {
            actions[try actionRow(row)("incident_id"), default: []].append(try action(row))
        }
        var notes: [String: [Note]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM notes ORDER BY incident_id, event_number") {
            notes[try noteRow(row)("incident_id"), default: []].append(try note(row))
        }
        var shares: [String: [CustomerShare]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM shares ORDER BY incident_id, position") {
            shares[try SharesProjection.stored(row)("incident_id"), default: []].append(try SharesProjection.share(row))
        }
        var result: [IncidentID: Incident] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM incidents")
        while let row = try cursor.next() {
            let id: String = try incidentRow(row)("id")
            let incident = try incident(from: row, actions: actions[id] ?? [], notes: notes[id] ?? [], shares: shares[id] ?? [])
            result[incident.id] = incident
        }
        return result
    }

    static func incidentRow(_ row: Row) -> StoredRow { StoredRow(row, table: "incidents", keys: ["id"]) }
    static func actionRow(_ row: Row) -> StoredRow { StoredRow(row, table: "actions", keys: ["incident_id", "event_number"]) }
    static func noteRow(_ row: Row) -> StoredRow { StoredRow(row, table: "notes", keys: ["incident_id", "event_number"]) }

    static func incident(from row: Row, actions: [Action], notes: [Note], shares: [CustomerShare]) throws -> Incident {
        let r = incidentRow(row)
        var incident = Incident(
            id: try Stored.id(r("id")), title: try r("title"), nature: try r("nature"),
            severity: try Stored.value(Severity.self, r("severity")), phase: try Stored.value(Phase.self, r("phase")),
            awareAt: try time(r("aware_at")), occurredFrom: try optionalTime(r("occurred_from")),
            occurredTo: try optionalTime(r("occurred_to")), detectedAt: try optionalTime(r("detected_at")),
            source: try r("source"),
            subprocessor: try (r("subprocessor") as String?).map { try Stored.json(SubprocessorOrigin.self, $0) },
            systems: try list(r("systems")), regions: try list(r("regions")),
            dataCategories: try list(r("data_categories")), subjectCategories: try list(r("subject_categories")),
            records: try r("records"), subjects: try r("subjects"), consequences: try list(r("consequences")),
            actions: actions, notes: notes, openedAt: try time(r("opened_at")), openedBy: try r("opened_by"),
            updatedAt: try time(r("updated_at")), phaseEnteredAt: try time(r("phase_entered_at")),
            phaseEnteredEvent: try r("phase_entered_event"), closedAt: try optionalTime(r("closed_at")),
            closingSummary: try r("closing_summary"), eventCount: try r("event_count"), shares: shares)
        try r("advice", as: String?.self).map { try Stored.json(Advice.self, $0) }?.apply(to: &incident)
        return incident
    }

    /// The `advice` column: the incident's lists beyond its facts, NULL while all are empty.
    struct Advice: Codable {
        var recommendedActions: [Recommendation]?
        var plannedActions: [PlannedAction]?
        var withdrawnActions: [ActionWithdrawal]?
        var undetermined: [Undetermined]?

        init(_ incident: Incident) {
            recommendedActions = incident.recommendedActions
            plannedActions = incident.plannedActions
            withdrawnActions = incident.withdrawnActions
            undetermined = incident.undetermined
        }

        func encoded() throws -> String? {
            [recommendedActions == nil, plannedActions == nil, withdrawnActions == nil, undetermined == nil].allSatisfy { $0 }
                ? nil : try CanonicalJSON.encode(self)
        }

        func apply(to incident: inout Incident) {
            incident.recommendedActions = recommendedActions
            incident.plannedActions = plannedActions
            incident.withdrawnActions = withdrawnActions
            incident.undetermined = undetermined
        }
    }

    private static func action(_ row: Row) throws -> Action {
        let r = actionRow(row)
        return Action(
            text: try r("text"), kind: try Stored.value(ActionKind.self, r("kind")), phase: try Stored.value(Phase.self, r("phase")),
            takenAt: try time(r("taken_at")), takenBy: try r("taken_by"), eventNumber: try r("event_number"))
    }

    private static func note(_ row: Row) throws -> Note {
        let r = noteRow(row)
        return Note(text: try r("text"), at: try time(r("at")), by: try r("by"), eventNumber: try r("event_number"))
    }

    static func time(_ text: String) throws -> Timestamp { try Stored.time(text) }

    private static func optionalTime(_ text: String?) throws -> Timestamp? {
        try text.map(time)
    }

    static func json(_ list: [String]) -> String {
        let data = try! JSONEncoder().encode(list)  // an array of strings always encodes
        return String(decoding: data, as: UTF8.self)
    }

    static func list(_ text: String) throws -> [String] { try Stored.json([String].self, text) }
}
