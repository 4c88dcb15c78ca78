/// The fold: how each event changes an incident. The engine decides events; this only applies them,
/// so replaying the register from its first event rebuilds exactly the state the engine saw.
extension Incident {
    /// The incident as its `logged` event creates it.
    public static func started(by event: IncidentEvent) throws -> Incident {
        guard case .logged(let body) = event.payload else {
            throw ReplayError(problem: "\(event.incident) starts with '\(event.payload.type)', not 'logged'")
        }
        guard event.number == 1 else {
            throw ReplayError(problem: "\(event.incident) is logged by event number \(event.number), not 1")
        }
        return Incident(
            id: event.incident, title: body.title, nature: body.nature, severity: body.severity, phase: .investigate,
            awareAt: body.awareAt, occurredFrom: body.occurredFrom, occurredTo: body.occurredTo, detectedAt: body.detectedAt,
            source: body.source, subprocessor: body.subprocessor, systems: merged([], body.systems), regions: merged([], body.regions),
            dataCategories: merged([], body.dataCategories), subjectCategories: merged([], body.subjectCategories),
            records: body.records, subjects: body.subjects, consequences: merged([], body.consequences),
            actions: [], notes: [], openedAt: event.recordedAt, openedBy: event.actor, updatedAt: event.recordedAt,
            phaseEnteredAt: event.occurredAt, phaseEnteredEvent: 1, closedAt: nil, closingSummary: nil, eventCount: 1)
    }

    /// This incident after one more event.
    public func applying(_ event: IncidentEvent) throws -> Incident {
        var next = self
        try next.apply(event)
        return next
    }

    /// Applies one more event in place: no copy of the incident's lists, which matters for an incident
    /// with thousands of customers. Checks come before changes, so a rejected event changes nothing.
    public mutating func apply(_ event: IncidentEvent) throws {
        guard event.incident == id else {
            throw ReplayError(problem: "event for \(event.incident) applied to \(id)")
        }
        guard event.number == eventCount + 1 else {
            throw ReplayError(problem: "\(id) expects event number \(eventCount + 1), found \(event.number)")
        }
        try applyPayload(event)
        eventCount = event.number
        updatedAt = event.recordedAt
    }

    private mutating func applyPayload(_ event: IncidentEvent) throws {
        switch event.payload {
        case .logged:
            throw ReplayError(problem: "\(id) is logged a second time by event number \(event.number)")
        case .updated(let body):
            try apply(body, event: event)
        case .advanced(let body):
            guard body.from == phase, phase.next == body.to else {
                throw ReplayError(problem: "\(id) cannot advance from \(body.from) to \(body.to) while in \(phase)")
            }
            enter(body.to, event: event)
        case .closed(let body):
            guard body.from == phase, phase == .restore else {
                throw ReplayError(problem: "\(id) cannot close from \(body.from) while in \(phase)")
            }
            enter(.closed, event: event)
            closedAt = event.occurredAt
            closingSummary = body.summary
        case .reopened(let body):
            guard phase == .closed, body.to != .closed else {
                throw ReplayError(problem: "\(id) cannot reopen to \(body.to) while in \(phase)")
            }
            enter(body.to, event: event)
            closedAt = nil
            closingSummary = nil
        case .affected(let body):
            try affect(body, event: event)
        case .customersMatched:
            break  // a record of why the customer-affected events after it were decided
        case .unaffected(let body):
            try updateShare(body.customer) { $0.ruledOut = RuledOut(reason: body.reason, at: event.occurredAt, by: event.actor) }
        case .noticeDrafted(let body):
            let id = self.id
            try updateShare(body.customer) { share in
                guard body.version == share.draftedVersions + 1 else {
                    throw ReplayError(problem: "\(id) drafts version \(body.version) for \(body.customer) after \(share.draftedVersions)")
                }
                share.draftedVersions = body.version
                share.latestKind = body.kind
                share.draftedAt.append(event.occurredAt)
            }
        case .noticeSent(let body):
            let id = self.id
            try updateShare(body.customer) { share in
                guard body.version <= share.draftedVersions else {
                    throw ReplayError(problem: "\(id) sends version \(body.version) to \(body.customer), never drafted")
                }
                if share.firstSent == nil {
                    share.firstSent = SentRecord(version: body.version, at: event.occurredAt, dueBy: body.dueBy, onTime: body.onTime)
                }
                share.lastSentVersion = max(share.lastSentVersion ?? 0, body.version)
            }
        case .noticeApproved(let body):
            let id = self.id
            try updateShare(body.customer) { share in
                guard body.version <= share.draftedVersions, share.approval(of: body.version) == nil else {
                    throw ReplayError(
                        problem: "\(id) approves version \(body.version) for \(body.customer), never drafted or already approved")
                }
                share.approvals.append(NoticeApproval(version: body.version, at: event.occurredAt, by: event.actor))
            }
        }
    }

    private mutating func affect(_ body: Affected, event: IncidentEvent) throws {
        if let withdrawn = body.withdrawn {
            guard let index = shareIndex(of: body.customer) else {
                throw ReplayError(problem: "\(id) withdraws categories from \(body.customer), which has no share")
            }
            shares[index].dataCategories.removeAll(where: withdrawn.dataCategories.contains)
            shares[index].subjectCategories.removeAll(where: withdrawn.subjectCategories.contains)
        }
        if let index = shareIndex(of: body.customer) {
            // A revised share: categories accumulate, counts are replaced, and a ruled-out customer is back in.
            shares[index].dataCategories = Self.merged(shares[index].dataCategories, body.dataCategories)
            shares[index].subjectCategories = Self.merged(shares[index].subjectCategories, body.subjectCategories)
            if let records = body.records { shares[index].records = records }
            if let subjects = body.subjects { shares[index].subjects = subjects }
            shares[index].ruledOut = nil
        } else {
            shares.append(
                CustomerShare(
                    customer: body.customer, dataCategories: Self.merged([], body.dataCategories),
                    subjectCategories: Self.merged([], body.subjectCategories), records: body.records,
                    subjects: body.subjects, noticeHours: body.noticeHours, affectedAt: event.occurredAt))
        }
    }

    private mutating func updateShare(_ customer: String, _ change: (inout CustomerShare) throws -> Void) throws {
        guard let index = shareIndex(of: customer) else {
            throw ReplayError(problem: "\(id) has no share for customer \(customer)")
        }
        try change(&shares[index])
    }

    private mutating func enter(_ phase: Phase, event: IncidentEvent) {
        self.phase = phase
        phaseEnteredAt = event.occurredAt
        phaseEnteredEvent = event.number
    }

    private mutating func apply(_ body: Updated, event: IncidentEvent) throws {
        if let withdrawn = body.withdrawn { try withdraw(withdrawn, reason: body.note ?? "", event: event) }
        if let completed = body.completesPlanned {
            guard let planned = plannedActions, planned.indices.contains(completed - 1) else {
                throw ReplayError(problem: "\(id) completes planned measure \(completed), which was never planned")
            }
            plannedActions?[completed - 1].completedBy = event.number
        }
        if let texts = body.recommendedActions, !texts.isEmpty {
            recommendedActions =
                (recommendedActions ?? [])
                + texts.map { Recommendation(text: $0, at: event.occurredAt, eventNumber: event.number) }
        }
        if let planned = body.plannedAction {
            plannedActions =
                (plannedActions ?? [])
                + [PlannedAction(text: planned.text, targetBy: planned.targetBy, at: event.occurredAt, eventNumber: event.number)]
        }
        for entry in body.cannotDetermine ?? [] {
            var list = (undetermined ?? []).filter { $0.item != entry.item }
            list.append(entry)
            undetermined = list
        }
        if let note = body.note {
            notes.append(Note(text: note, at: event.occurredAt, by: event.actor, eventNumber: event.number))
        }
        if let action = body.action {
            actions.append(
                Action(
                    text: action.text, kind: action.kind, phase: action.phase,
                    takenAt: event.occurredAt, takenBy: event.actor, eventNumber: event.number))
        }
        consequences = Self.merged(consequences, body.consequences)
        dataCategories = Self.merged(dataCategories, body.dataCategories)
        subjectCategories = Self.merged(subjectCategories, body.subjectCategories)
        systems = Self.merged(systems, body.systems)
        regions = Self.merged(regions, body.regions)
        if let change = body.records { records = change.to }
        if let change = body.subjects { subjects = change.to }
        if let change = body.nature { nature = change.to }
        if let change = body.title { title = change.to }
        if let change = body.severity { severity = change.to }
        if let change = body.source { source = change.to }
        if let change = body.subprocessor { subprocessor = change.to }
        if let change = body.awareAt { awareAt = change.to }
        if let change = body.occurredFrom { occurredFrom = change.to }
        if let change = body.occurredTo { occurredTo = change.to }
        if let change = body.detectedAt { detectedAt = change.to }
    }

    /// Takes items back: categories and consequences leave their lists (categories every share's too);
    /// actions, recommendations and planned measures stay listed, marked withdrawn.
    private mutating func withdraw(_ withdrawn: Withdrawn, reason: String, event: IncidentEvent) throws {
        let mark = Withdrawal(reason: reason, at: event.occurredAt, eventNumber: event.number)
        dataCategories.removeAll(where: withdrawn.dataCategories.contains)
        subjectCategories.removeAll(where: withdrawn.subjectCategories.contains)
        consequences.removeAll(where: withdrawn.consequences.contains)
        if !withdrawn.dataCategories.isEmpty || !withdrawn.subjectCategories.isEmpty {
            for index in shares.indices {
                shares[index].dataCategories.removeAll(where: withdrawn.dataCategories.contains)
                shares[index].subjectCategories.removeAll(where: withdrawn.subjectCategories.contains)
            }
        }
        for number in withdrawn.actions {
            guard actions.indices.contains(number - 1), !withdrawnActionNumbers.contains(number) else {
                throw ReplayError(problem: "\(id) withdraws action \(number), which is not a standing action")
            }
            withdrawnActions = (withdrawnActions ?? []) + [ActionWithdrawal(action: number, withdrawal: mark)]
        }
        for number in withdrawn.recommendedActions {
            guard let list = recommendedActions, list.indices.contains(number - 1) else {
                throw ReplayError(problem: "\(id) withdraws recommendation \(number), which was never recorded")
            }
            recommendedActions?[number - 1].withdrawn = mark
        }
        for number in withdrawn.plannedActions {
            guard let list = plannedActions, list.indices.contains(number - 1) else {
                throw ReplayError(problem: "\(id) withdraws planned measure \(number), which was never recorded")
            }
            plannedActions?[number - 1].withdrawn = mark
        }
    }

    /// Appends what is new, keeping first-seen order: a list of facts never holds one twice.
    static func merged(_ existing: [String], _ added: [String]) -> [String] {
        var result = existing
        for item in added where !result.contains(item) { result.append(item) }
        return result
    }
}
