import Foundation
import GRDB
import IncidentCore

/// What `verify` found.
public struct VerifyReport: Codable, Equatable, Sendable {
    public struct Problem: Codable, Equatable, Sendable {
        /// The event's position in the chain, when the problem belongs to one event.
        public var event: Int64?
        public var incident: String?
        public var reason: String
    }

    public var eventsChecked: Int
    public var eventsValid: Int
    public var incidentsReplayed: Int
    public var integrityCheck: String
    public var foreignKeyViolations: Int
    /// The last event's sequence number and hash: the head of the chain.
    public var headSequence: Int64
    public var headHash: String
    public var problems: [Problem]

    public var isClean: Bool { problems.isEmpty }
}

extension Register {
    /// Re-computes the hash chain, replays every event into fresh state and compares it with the
    /// projections, and runs SQLite's own `integrity_check` and `foreign_key_check`.
    public func verify() throws -> VerifyReport {
        try read { db in
            var verifier = Verifier(db: db)
            return try verifier.run()
        }
    }
}

/// One pass over the register; streams events so memory grows with incidents, not events.
struct Verifier {
    let db: Database
    private var problems: [VerifyReport.Problem] = []
    private var invalidEvents = Set<Int64>()

    init(db: Database) { self.db = db }

    mutating func run() throws -> VerifyReport {
        let tablesIntact = try compareSchema()
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        let integrityText = integrity == ["ok"] ? "ok" : integrity.joined(separator: "; ")
        if integrityText != "ok" { problems.append(.init(event: nil, incident: nil, reason: "integrity_check: \(integrityText)")) }
        let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
        if foreignKeys > 0 { problems.append(.init(event: nil, incident: nil, reason: "foreign_key_check: \(foreignKeys) broken references")) }

        guard tablesIntact else {
            // Reading rows of altered tables could fail in ways that prove nothing; the schema finding stands alone.
            let head = try? EventLog.head(in: db)
            return VerifyReport(eventsChecked: 0, eventsValid: 0, incidentsReplayed: 0, integrityCheck: integrityText,
                                foreignKeyViolations: foreignKeys, headSequence: head?.events ?? 0, headHash: head?.hash ?? "", problems: problems)
        }
        var replayed: [IncidentID: Incident] = [:]
        var directory = Directory()
        var notices: [String: NoticeVersion] = [:]
        var checked = 0
        var previousSeq: Int64 = 0
        var previousHash = HashChain.genesis
        var previousRecordedAt = ""
        // Where each projection row's `*_seq` column must point: the replay's own positions.
        var lastSeq: [IncidentID: Int64] = [:], addedSeq: [String: Int64] = [:], setSeq: Int64?, draftedSeq: [String: Int64] = [:]
        var batch: [(content: HashChain.Content, stored: String)] = []
        batch.reserveCapacity(Self.batchSize)
        // Hashing and decoding are independent per event, so a batch is prepared on every core;
        // the chain links and the fold into state stay in order.
        func process() {
            let prepared = Self.prepare(batch)
            for (index, item) in batch.enumerated() {
                checked += 1
                let content = item.content, label = content.incident
                if content.seq != previousSeq + 1 {
                    flag(content.seq, label, "sequence jumps from \(previousSeq) to \(content.seq): events are missing")
                }
                if content.previousHash != previousHash {
                    flag(content.seq, label, "previous-hash link is broken: the event before it was removed, reordered or changed")
                }
                if prepared[index].hash != item.stored {
                    flag(content.seq, label, "hash does not match its content: the event was altered")
                }
                if content.recordedAt < previousRecordedAt {
                    flag(content.seq, label, "recorded_at goes back from \(previousRecordedAt) to \(content.recordedAt): events were inserted out of order")
                }
                previousSeq = content.seq
                previousHash = item.stored
                previousRecordedAt = max(previousRecordedAt, content.recordedAt)
                do {
                    switch try prepared[index].decoded.get() {
                    case .directory(let event):
                        // In place: `applying` would copy the whole directory for every event (quadratic in customers).
                        try directory.apply(event)
                        switch event.payload {
                        case .customerAdded(let customer): addedSeq[customer.slug] = content.seq
                        case .organisationSet: setSeq = content.seq
                        case .customerEdited: break
                        }
                    case .incident(let event):
                        if replayed[event.incident] != nil {
                            try replayed[event.incident]!.apply(event)
                        } else {
                            replayed[event.incident] = try Incident.started(by: event)
                        }
                        lastSeq[event.incident] = content.seq
                        NoticesProjection.replay(event, into: &notices)
                        if case .noticeDrafted(let body) = event.payload {
                            draftedSeq[NoticesProjection.key(event.incident.description, body.customer, body.version)] = content.seq
                        }
                    }
                } catch {
                    flag(content.seq, label, "cannot be replayed: \(error)")
                }
            }
            batch.removeAll(keepingCapacity: true)
        }
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(EventLog.columns) FROM events ORDER BY seq")
        while let row = try cursor.next() {
            do {
                batch.append((try EventLog.contentIndexed(row), try EventLog.stored(row).at(9, "hash")))
            } catch {
                // A row with a value of the wrong storage class is reported in its place, and the walk goes on:
                // the batch before it is finished first, and the next event links to whatever hash it stored.
                process()
                checked += 1
                let seq: Int64 = if case .int64(let n) = (row[0] as DatabaseValue).storage { n } else { previousSeq + 1 }
                flag(seq, nil, "cannot be read: \(Self.reason(error))")
                previousSeq = seq
                previousHash = (row[9] as DatabaseValue?).flatMap(SchemaCheck.text) ?? previousHash
            }
            if batch.count == Self.batchSize { process() }
        }
        process()
        compareProjections(with: replayed)
        compareDeadlines(with: replayed)
        compareDirectory(with: directory)
        compareNotices(with: notices)
        comparePositions(lastSeq: lastSeq, addedSeq: addedSeq, setSeq: setSeq, draftedSeq: draftedSeq)
        return VerifyReport(
            eventsChecked: checked, eventsValid: checked - invalidEvents.count, incidentsReplayed: replayed.count,
            integrityCheck: integrityText, foreignKeyViolations: foreignKeys,
            headSequence: previousSeq, headHash: previousHash, problems: problems)
    }

    static let batchSize = 4096

    enum Decoded { case incident(IncidentEvent), directory(DirectoryEvent) }

    struct Prepared {
        var hash: String
        var decoded: Result<Decoded, any Error>
    }

    /// Hashes and decodes a batch of events on all cores.
    static func prepare(_ batch: [(content: HashChain.Content, stored: String)]) -> [Prepared] {
        var result = [Prepared](repeating: Prepared(hash: "", decoded: .failure(ReplayError(problem: "not prepared"))), count: batch.count)
        let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        result.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                var index = lane
                while index < batch.count {
                    let content = batch[index].content
                    let decoded = Result<Decoded, any Error> {
                        content.incident == nil ? .directory(try EventLog.directoryEvent(content)) : .incident(try EventLog.event(content))
                    }
                    output[index] = Prepared(hash: HashChain.hash(content), decoded: decoded)
                    index += lanes
                }
            }
        }
        return result
    }

    private mutating func compareProjections(with replayed: [IncidentID: Incident]) {
        let stored: [IncidentID: Incident]
        do {
            stored = try Projection.all(in: db)
        } catch {
            problems.append(.init(event: nil, incident: nil, reason: "projections cannot be read: \(Self.reason(error))"))
            return
        }
        for id in Set(replayed.keys).union(stored.keys).sorted() {
            switch (replayed[id], stored[id]) {
            case let (expected?, actual?) where expected != actual:
                let fields = Self.differingFields(expected, actual).joined(separator: ", ")
                problems.append(.init(event: nil, incident: id.description,
                                      reason: "projection differs from the replayed events in: \(fields)"))
            case (nil, _?):
                problems.append(.init(event: nil, incident: id.description, reason: "projection has an incident that no event logged"))
            case (_?, nil):
                problems.append(.init(event: nil, incident: id.description, reason: "events log an incident the projection lacks"))
            default:
                break
            }
        }
    }

    /// Compares every row of `sqlite_schema` (tables, indexes, triggers, views, whatever their name) and the
    /// recorded migrations with what the migrations create. Returns false when a table differs, because then
    /// no row of it can be trusted to read back; other differences are reported and the checks still run.
    private mutating func compareSchema() throws -> Bool {
        let reference = try SchemaCheck.reference.get()
        let (lines, tables) = SchemaCheck.differences(try SchemaCheck.objects(in: db), reference.objects)
        for line in lines { problems.append(.init(event: nil, incident: nil, reason: "schema: \(line)")) }
        let (unknown, missing) = SchemaCheck.migrationDifferences(try SchemaCheck.migrations(in: db), reference.migrations)
        for name in unknown {
            problems.append(.init(event: nil, incident: nil, reason: "schema: migration \(name) is unknown to this version of incident (a newer version, or a change by hand)"))
        }
        for name in missing {
            problems.append(.init(event: nil, incident: nil, reason: "schema: migration \(name) is not recorded in grdb_migrations"))
        }
        return !tables
    }

    /// `list --overdue` reads the stored deadlines, so they must agree with the replay too.
    private mutating func compareDeadlines(with replayed: [IncidentID: Incident]) {
        do {
            for row in try Row.fetchAll(db, sql: "SELECT incident_id, customer, due_by FROM shares") {
                let r = SharesProjection.stored(row)
                let id = try Stored.id(r("incident_id"))
                let customer: String = try r("customer")
                guard let incident = replayed[id], let share = incident.share(of: customer) else { continue }
                if share.dueBy(awareAt: incident.awareAt).iso8601 != (try r("due_by", as: String.self)) {
                    problems.append(.init(event: nil, incident: id.description, reason: "stored deadline of \(customer) differs from the replayed events"))
                }
            }
        } catch {
            problems.append(.init(event: nil, incident: nil, reason: "deadlines cannot be read: \(Self.reason(error))"))
        }
    }

    private mutating func compareDirectory(with replayed: Directory) {
        do {
            let stored = try DirectoryProjection.load(in: db)
            for slug in Set(stored.customers.keys).union(replayed.customers.keys).sorted() where stored.customers[slug] != replayed.customers[slug] {
                problems.append(.init(event: nil, incident: nil, reason: "customer \(slug) differs from the replayed events"))
            }
            if stored.organisation != replayed.organisation {
                problems.append(.init(event: nil, incident: nil, reason: "organisation details differ from the replayed events"))
            }
        } catch {
            problems.append(.init(event: nil, incident: nil, reason: "directory cannot be read: \(Self.reason(error))"))
        }
    }

    private mutating func compareNotices(with replayed: [String: NoticeVersion]) {
        do {
            var stored: [String: NoticeVersion] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM notices") {
                let notice = try NoticesProjection.notice(row)
                stored[NoticesProjection.key(row["incident_id"], notice.customer, notice.version)] = notice
            }
            for key in Set(stored.keys).union(replayed.keys).sorted() where stored[key] != replayed[key] {
                problems.append(.init(event: nil, incident: String(key.split(separator: "/")[0]),
                                      reason: "notice \(key) differs from the replayed events"))
            }
        } catch {
            problems.append(.init(event: nil, incident: nil, reason: "notices cannot be read: \(Self.reason(error))"))
        }
    }

    /// The columns no `Incident`, `Customer` or notice value carries: an incident's `year` and `number` (which
    /// number the next incident) and every `*_seq` pointer into the chain.
    private mutating func comparePositions(lastSeq: [IncidentID: Int64], addedSeq: [String: Int64], setSeq: Int64?,
                                           draftedSeq: [String: Int64]) {
        func check(_ what: String, _ body: () throws -> Void) {
            do { try body() } catch { problems.append(.init(event: nil, incident: nil, reason: "\(what) cannot be read: \(Self.reason(error))")) }
        }
        check("incidents") {
            for row in try Row.fetchAll(db, sql: "SELECT id, year, number, last_seq FROM incidents") {
                let r = Projection.incidentRow(row)
                let id = try Stored.id(r("id"))
                var wrong: [String] = []
                if try r("year", as: Int.self) != id.year { wrong.append("year") }
                if try r("number", as: Int.self) != id.number { wrong.append("number") }
                if let expected = lastSeq[id], try r("last_seq", as: Int64.self) != expected { wrong.append("last_seq") }
                if !wrong.isEmpty {
                    problems.append(.init(event: nil, incident: id.description, reason: "projection differs from the replayed events in: \(wrong.joined(separator: ", "))"))
                }
            }
        }
        check("customers") {
            for row in try Row.fetchAll(db, sql: "SELECT slug, added_seq FROM customers") {
                let r = StoredRow(row, table: "customers", keys: ["slug"])
                let slug: String = try r("slug")
                if let expected = addedSeq[slug], try r("added_seq", as: Int64.self) != expected {
                    problems.append(.init(event: nil, incident: nil, reason: "customer \(slug) differs from the replayed events in: added_seq"))
                }
            }
        }
        check("organisation") {
            for row in try Row.fetchAll(db, sql: "SELECT id, set_seq FROM organisation") {
                if let setSeq, try StoredRow(row, table: "organisation", keys: ["id"])("set_seq", as: Int64.self) != setSeq {
                    problems.append(.init(event: nil, incident: nil, reason: "organisation details differ from the replayed events in: set_seq"))
                }
            }
        }
        check("notices") {
            for row in try Row.fetchAll(db, sql: "SELECT incident_id, customer, version, drafted_seq FROM notices") {
                let r = NoticesProjection.stored(row)
                let key = NoticesProjection.key(try r("incident_id"), try r("customer"), try r("version"))
                if let expected = draftedSeq[key], try r("drafted_seq", as: Int64.self) != expected {
                    problems.append(.init(event: nil, incident: String(key.split(separator: "/")[0]),
                                          reason: "notice \(key) differs from the replayed events in: drafted_seq"))
                }
            }
        }
    }

    /// A store error's own words, without the advice meant for a command's one-line message.
    static func reason(_ error: any Error) -> String {
        if case StoreError.damaged(let reason) = error { return reason }
        return "\(error)"
    }

    private mutating func flag(_ seq: Int64, _ incident: String?, _ reason: String) {
        invalidEvents.insert(seq)
        problems.append(.init(event: seq, incident: incident, reason: reason))
    }

    /// Top-level JSON keys whose values differ, so the report names what was changed.
    static func differingFields(_ a: Incident, _ b: Incident) -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let left = try? JSONSerialization.jsonObject(with: encoder.encode(a)) as? [String: Any],
              let right = try? JSONSerialization.jsonObject(with: encoder.encode(b)) as? [String: Any] else { return ["(unknown)"] }
        return Set(left.keys).union(right.keys).sorted().filter { key in
            let l = left[key].flatMap { try? JSONSerialization.data(withJSONObject: [$0], options: .sortedKeys) }
            let r = right[key].flatMap { try? JSONSerialization.data(withJSONObject: [$0], options: .sortedKeys) }
            return l != r
        }
    }
}
