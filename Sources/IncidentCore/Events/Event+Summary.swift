/// One line in plain words for each event, for timelines and registers.
extension EventPayload {
    public var summary: String {
        switch self {
        case .logged(let body):
            let types = body.breachTypes.map { "; breach type \($0.map(\.rawValue).joined(separator: ", "))" } ?? ""
            return "logged (\(body.severity)): \(body.title)" + types
        case .updated(let body):
            return body.summaryParts.joined(separator: "; ")
        case .advanced(let body):
            return "advanced \(body.from) → \(body.to): \(body.note)"
        case .closed(let body):
            return "closed from \(body.from): \(body.summary)"
        case .reopened(let body):
            return "reopened in \(body.to): \(body.reason)"
        case .affected(let body):
            let counts = [body.records.map { "about \($0) records" }, body.subjects.map { "about \($0) data subjects" }].compactMap { $0 }
            if let withdrawn = body.withdrawn, !withdrawn.isEmpty {
                let what = withdrawn.summaryParts.joined(separator: "; ")
                return "customer \(body.customer): withdrawn \(what)" + (body.reason.map { " (reason: \($0))" } ?? "")
            }
            return "customer \(body.customer) affected" + (counts.isEmpty ? "" : " (\(counts.joined(separator: ", ")))")
        case .unaffected(let body):
            return "customer \(body.customer) ruled out: \(body.reason)"
        case .noticeDrafted(let body):
            return "\(body.kind) notice v\(body.version) drafted for \(body.customer)"
        case .noticeSent(let body):
            return "notice v\(body.version) sent to \(body.customer)" + (body.via.map { " via \($0)" } ?? "")
        case .customersMatched(let body):
            return "\(body.customers.count) customer(s) matched at subprocessor \(body.subprocessor) "
                + "(\(body.services.joined(separator: ", ")) in \(body.regions.joined(separator: ", ")))"
                + (body.alreadyAffected.isEmpty ? "" : "; \(body.alreadyAffected.count) already marked")
        case .noticeApproved(let body):
            return "notice v\(body.version) approved for \(body.customer)"
        }
    }
}

extension Updated {
    var summaryParts: [String] {
        var parts: [String] = []
        if let action { parts.append("action (\(action.kind)): \(action.text)") }
        if let note { parts.append("note: \(note)") }
        func changed<V>(_ name: String, _ change: Change<V>?, _ show: (V) -> String) {
            guard let change else { return }
            parts.append("\(name) \(change.from.map(show) ?? "(none)") → \(show(change.to))")
        }
        changed("title", title) { $0 }
        if nature != nil { parts.append("nature restated") }
        changed("severity", severity) { $0.rawValue }
        changed("source", source) { $0 }
        changed("aware at", awareAt) { $0.iso8601 }
        changed("occurred from", occurredFrom) { $0.iso8601 }
        changed("occurred to", occurredTo) { $0.iso8601 }
        changed("detected at", detectedAt) { $0.iso8601 }
        changed("subprocessor", subprocessor) { "\($0.slug) (told us \($0.notifiedAt.iso8601))" }
        changed("records", records) { String($0) }
        changed("data subjects", subjects) { String($0) }
        for (name, values) in [
            ("data categories", dataCategories), ("subject categories", subjectCategories),
            ("systems", systems), ("regions", regions), ("consequences", consequences),
        ] where !values.isEmpty {
            parts.append("\(name) + \(values.joined(separator: ", "))")
        }
        if let breachTypes { parts.append("breach type + \(breachTypes.map(\.rawValue).joined(separator: ", "))") }
        if let withdrawn, !withdrawn.isEmpty { parts.append("withdrawn " + withdrawn.summaryParts.joined(separator: ", ")) }
        if let recommendedActions, !recommendedActions.isEmpty {
            parts.append("recommended to customers: \(recommendedActions.joined(separator: "; "))")
        }
        if let plannedAction { parts.append("planned by \(plannedAction.targetBy): \(plannedAction.text)") }
        if let completesPlanned { parts.append("completes planned measure \(completesPlanned)") }
        for entry in cannotDetermine ?? [] { parts.append("\(entry.item) cannot be determined: \(entry.reason)") }
        return parts
    }
}

extension Withdrawn {
    var summaryParts: [String] {
        var parts: [String] = []
        func list(_ name: String, _ values: [String]) {
            if !values.isEmpty { parts.append("\(name) \(values.joined(separator: ", "))") }
        }
        list("data categories", dataCategories)
        list("subject categories", subjectCategories)
        list("consequences", consequences)
        list("actions", actions.map(String.init))
        list("recommendations", recommendedActions.map(String.init))
        list("planned measures", plannedActions.map(String.init))
        return parts
    }
}
