import Foundation
import IncidentCore

/// The backend-independent half of `verify`: walks the stored events in chain order, checks every link and
/// hash, folds the events into fresh state, and compares that state with what a backend read from its
/// projections. SQLite and PostgreSQL both feed it; neither has its own copy of these rules.
///
/// Incidents are compared one by one as the walk goes: once the replay reaches the event a stored incident's
/// `last_seq` names, that incident is compared with its projection and, when they agree, dropped from memory.
/// So memory grows with the incidents still open in the walk, not with every note of every incident. Anything
/// that does not agree stays in memory and is compared (and reported) at the end, exactly as before.
struct ChainReplay {
    private(set) var problems: [VerifyReport.Problem] = []
    private var invalidEvents = Set<Int64>()
    private(set) var replayed: [IncidentID: Incident] = [:]
    /// Incidents compared early and found equal to their projection; their state is no longer held.
    private var settled = Set<IncidentID>()
    /// Deadline findings of settled incidents, reported in their place at the end.
    private var settledDeadlineProblems: [IncidentID: [VerifyReport.Problem]] = [:]
    private var stored: StoredIncidents?
    private var directory = Directory()
    private var notices: [String: NoticeVersion] = [:]
    private(set) var checked = 0
    private(set) var previousSeq: Int64 = 0
    private(set) var previousHash = HashChain.genesis
    private var previousRecordedAt = ""
    private var batch: [(content: HashChain.Content, stored: String)] = []
    /// Where each projection row's `*_seq` column must point: the replay's own positions in the chain.
    private(set) var positions = Positions()

    init() { batch.reserveCapacity(Self.batchSize) }

    /// Before the walk: lets it compare and drop each incident as soon as it is complete (nil: all at the end).
    mutating func compareAsYouGo(_ stored: StoredIncidents?) { self.stored = stored }

    var eventsValid: Int { checked - invalidEvents.count }

    /// Adds the next stored event (its content as stored, and the hash stored beside it).
    mutating func add(_ content: HashChain.Content, storedHash: String) {
        batch.append((content, storedHash))
        if batch.count == Self.batchSize { process() }
    }

    /// Adds an event row that cannot be read (a value of the wrong storage class, say): it is reported in its place
    /// and the walk goes on, the batch before it finished first and the next event linking to the hash it stored.
    mutating func addUnreadable(seq: Int64?, storedHash: String?, reason: String) {
        process()
        checked += 1
        let seq = seq ?? previousSeq + 1
        flag(seq, nil, "cannot be read: \(reason)")
        previousSeq = seq
        previousHash = storedHash ?? previousHash
    }

    /// Adds a finding a backend made about its own storage.
    mutating func add(_ problem: VerifyReport.Problem) { problems.append(problem) }

    /// Adds a finding that is not about the chain (schema, the database's own checks).
    mutating func report(_ reason: String) {
        problems.append(.init(event: nil, incident: nil, reason: reason))
    }

    /// Finishes the chain walk and compares the fold with the stored state.
    mutating func finish(comparingWith stored: StoredState) {
        process()
        // Read the stored incidents only when some were not settled during the walk (or could not be indexed).
        let unsettled = self.stored.map { index in index.lastSeq.keys.contains { !settled.contains($0) } } ?? true
        if unsettled || !replayed.isEmpty {
            compareProjections(with: stored.incidents().map { all in all.filter { !settled.contains($0.key) } })
        }
        compareDeadlines(with: stored.deadlines)
        for id in settledDeadlineProblems.keys.sorted() { problems.append(contentsOf: settledDeadlineProblems[id]!) }
        compareDirectory(with: stored.directory)
        compareNotices(with: stored.notices)
    }

    /// The report once `finish` ran. `storage` is the backend's own check line.
    func report(integrityCheck: String, foreignKeyViolations: Int) -> VerifyReport {
        VerifyReport(
            eventsChecked: checked, eventsValid: eventsValid, incidentsReplayed: replayed.count + settled.count,
            integrityCheck: integrityCheck, foreignKeyViolations: foreignKeyViolations,
            headSequence: previousSeq, headHash: previousHash, problems: problems)
    }

    // Hashing and decoding are independent per event, so a batch is prepared on every core;
    // the chain links and the fold into state stay in order.
    private mutating func process() {
        let prepared = Self.prepare(batch)
        for (index, item) in batch.enumerated() {
            checked += 1
            let content = item.content
            let label = content.incident
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
                flag(
                    content.seq, label,
                    "recorded_at goes back from \(previousRecordedAt) to \(content.recordedAt): events were inserted out of order")
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
                    case .customerAdded(let customer): positions.addedSeq[customer.slug] = content.seq
                    case .organisationSet: positions.setSeq = content.seq
                    case .subprocessorAdded(let subprocessor): positions.subprocessorSeq[subprocessor.slug] = content.seq
                    case .customerEdited, .subprocessorEdited: break
                    }
                case .incident(let event):
                    if settled.contains(event.incident) { unsettle(event.incident) }
                    if replayed[event.incident] != nil {
                        try replayed[event.incident]!.apply(event)
                    } else {
                        replayed[event.incident] = try Incident.started(by: event)
                    }
                    positions.lastSeq[event.incident] = content.seq
                    if let stored, stored.lastSeq[event.incident] == content.seq { settle(event.incident) }
                    NoticesProjection.replay(event, into: &notices)
                    if case .noticeDrafted(let body) = event.payload {
                        positions.draftedSeq[NoticesProjection.key(event.incident.description, body.customer, body.version)] = content.seq
                    }
                }
            } catch {
                flag(content.seq, label, "cannot be replayed: \(error)")
            }
        }
        batch.removeAll(keepingCapacity: true)
    }

    /// The replay reached the stored `last_seq` of `id`: compare it now and, when it agrees, stop holding it.
    /// Anything else (a read error, a difference) keeps it for the comparison at the end, which reports it.
    private mutating func settle(_ id: IncidentID) {
        guard let expected = replayed[id], let stored, let actual = try? stored.load(id), actual == expected else { return }
        var found: [VerifyReport.Problem] = []
        for row in stored.deadlines[id.description] ?? [] {
            guard let share = expected.share(of: row.customer) else { continue }
            if share.dueBy(awareAt: expected.awareAt).iso8601 != row.dueBy {
                found.append(
                    .init(
                        event: nil, incident: id.description, reason: "stored deadline of \(row.customer) differs from the replayed events")
                )
            }
        }
        if !found.isEmpty { settledDeadlineProblems[id] = found }
        replayed[id] = nil
        settled.insert(id)
    }

    /// An event follows the one the stored `last_seq` named (that column is wrong, which the position check
    /// reports): the replay goes on from the stored state, which equalled the replay when it was settled.
    private mutating func unsettle(_ id: IncidentID) {
        settled.remove(id)
        settledDeadlineProblems[id] = nil
        replayed[id] = try? stored?.load(id)
    }

    private mutating func compareProjections(with read: Result<[IncidentID: Incident], any Error>) {
        let stored: [IncidentID: Incident]
        switch read {
        case .success(let value): stored = value
        case .failure(let error): return report("projections cannot be read: \(Self.reason(error))")
        }
        for id in Set(replayed.keys).union(stored.keys).sorted() {
            switch (replayed[id], stored[id]) {
            case (let expected?, let actual?) where expected != actual:
                let fields = Self.differingFields(expected, actual).joined(separator: ", ")
                problems.append(
                    .init(
                        event: nil, incident: id.description,
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

    /// `list --overdue` reads the stored deadlines, so they must agree with the replay too.
    private mutating func compareDeadlines(with read: Result<[(incident: String, customer: String, dueBy: String)], any Error>) {
        do {
            for row in try read.get() {
                let id = try Stored.id(row.incident)
                guard !settled.contains(id), let incident = replayed[id], let share = incident.share(of: row.customer) else { continue }
                if share.dueBy(awareAt: incident.awareAt).iso8601 != row.dueBy {
                    problems.append(
                        .init(
                            event: nil, incident: id.description,
                            reason: "stored deadline of \(row.customer) differs from the replayed events"))
                }
            }
        } catch {
            report("deadlines cannot be read: \(Self.reason(error))")
        }
    }

    private mutating func compareDirectory(with read: Result<Directory, any Error>) {
        do {
            let stored = try read.get()
            for slug in Set(stored.customers.keys).union(directory.customers.keys).sorted()
            where stored.customers[slug] != directory.customers[slug] {
                report("customer \(slug) differs from the replayed events")
            }
            for slug in Set(stored.subprocessors.keys).union(directory.subprocessors.keys).sorted()
            where stored.subprocessors[slug] != directory.subprocessors[slug] {
                report("subprocessor \(slug) differs from the replayed events")
            }
            if stored.organisation != directory.organisation {
                report("organisation details differ from the replayed events")
            }
        } catch {
            report("directory cannot be read: \(Self.reason(error))")
        }
    }

    private mutating func compareNotices(with read: Result<[String: NoticeVersion], any Error>) {
        do {
            let stored = try read.get()
            for key in Set(stored.keys).union(notices.keys).sorted() where stored[key] != notices[key] {
                problems.append(
                    .init(
                        event: nil, incident: String(key.split(separator: "/")[0]),
                        reason: "notice \(key) differs from the replayed events"))
            }
        } catch {
            report("notices cannot be read: \(Self.reason(error))")
        }
    }

    private mutating func flag(_ seq: Int64, _ incident: String?, _ reason: String) {
        invalidEvents.insert(seq)
        problems.append(.init(event: seq, incident: incident, reason: reason))
    }
}
