import Foundation
import GRDB
import IncidentCore

/// Writing: logging incidents, recording events on one, and changing the directory, each all or nothing.
extension Register {
    /// Logs a new incident: allocates the next id for its awareness year and records the `logged` event.
    /// With `refusingDuplicatesExcept`, an incident that looks like one already logged and not in that set
    /// is refused (`PossibleDuplicate`), checked inside the write so no other writer slips in between.
    public func log(_ body: Logged, context: Context, refusingDuplicatesExcept accepted: Set<IncidentID>? = nil) throws -> Incident {
        try write { db in
            if let accepted {
                try DuplicateRule.check(body, among: DuplicateCandidates.fetch(awareAt: body.awareAt, in: db), accepted: accepted)
            }
            let year = body.awareAt.year
            var event = try Workflow.log(body, id: try Self.nextID(year: year, in: db), context: context)
            event.recordedAt = clock()
            let incident = try Incident.started(by: event)
            let seq = try EventLog.append(event, in: db)
            try Projection.write(incident, after: event, seq: seq, in: db)
            return incident
        }
    }

    /// The next id for `year`, from the projection's index, checked against the row it comes from and the chain:
    /// an edited `year` or `number` would otherwise make ids jump or collide.
    static func nextID(year: Int, in db: Database) throws -> IncidentID {
        let last = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, year, number FROM incidents WHERE year = ? ORDER BY number DESC LIMIT 1"),
            arguments: [year])
        var number = 1
        if let last {
            let r = Projection.incidentRow(last)
            let id: String = try r("id")
            let stored: Int = try r("number")
            guard IncidentID(year: year, number: stored).description == id else {
                throw StoreError.damaged(reason: "incidents row \(id), columns year/number: (\(year), \(stored)) do not match its id")
            }
            number = stored + 1
        }
        let next = IncidentID(year: year, number: number)
        let taken =
            try Int.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT (SELECT count(*) FROM incidents WHERE id = ?1) + (SELECT count(*) FROM events WHERE incident_id = ?1)
                        """), arguments: [next.description]) ?? 0
        guard taken == 0 else {
            throw StoreError.damaged(
                reason: "\(next) is already used although incidents.number says it is free: incidents columns year/number were edited")
        }
        return next
    }

    /// Records several events on one incident in one transaction: all of them, or none. `decide` is the engine's
    /// verdict on the current state; it runs inside the write transaction, so no other writer can slip in between.
    /// Each event is applied once, here, to keep the projections; the engine numbers a batch without applying it.
    public func recordMany(_ id: IncidentID, _ decide: (Incident) throws -> [IncidentEvent]) throws -> Incident {
        try write { db in
            guard let current = try Projection.incident(id, in: db) else { throw StoreError.notFound(id: id.description) }
            return try appendApplying(try decide(current), to: current, in: db)
        }
    }

    /// Records changes to the customer directory or our own details, all or none.
    /// Inside a write transaction: stamps each event with the clock read under the lock, applies it once, appends
    /// it to the chain and writes the projections it touches.
    func appendApplying(_ events: [IncidentEvent], to incident: Incident, in db: Database) throws -> Incident {
        var current = incident
        let now = clock()
        // Each window's JSON is made on every core (a batch of notices is mostly JSON); the chain and the
        // projections are written in order, on this thread. The incident row is written once, after the last
        // event: a batch of a thousand notices rewrote it a thousand times in the same transaction.
        try EncodedPayloads.windows(events, withFacts: true) { window, encoded in
            for (index, var event) in window.enumerated() {
                event.recordedAt = now
                try current.apply(event)
                let seq = try EventLog.append(event, in: db, payload: try encoded.payload(index))
                try Projection.write(
                    current, after: event, seq: seq, in: db, facts: try encoded.facts(index),
                    incidentRow: window.startIndex + index == events.count - 1)
            }
        }
        return current
    }

    public func recordDirectory(_ decide: (Directory) throws -> [DirectoryEvent]) throws -> Directory {
        try write { db in
            var directory = try DirectoryProjection.load(in: db)
            let now = clock()
            for var event in try decide(directory) {
                event.recordedAt = now
                try directory.apply(event)
                try DirectoryProjection.write(event, seq: try EventLog.append(event, in: db), in: db)
            }
            return directory
        }
    }
}
