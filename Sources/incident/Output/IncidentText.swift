import IncidentCore

/// `show` as text: the facts a responder needs first, then effects, actions, notes and what is next.
struct IncidentText {
    let terminal: Terminal

    func render(_ incident: Incident, unmet: [String]) -> String {
        var lines: [String] = []
        lines.append(terminal.bold("\(incident.id)  \(incident.title)"))
        let phase = incident.isClosed ? "closed \(incident.closedAt?.iso8601 ?? "")" : "\(incident.phase) since \(incident.phaseEnteredAt)"
        field(&lines, "Phase", phase)
        field(&lines, "Severity", terminal.severity(incident.severity.rawValue, incident.severity.rawValue))
        field(&lines, "Aware at", "\(incident.awareAt)  (the notification clock starts here)")
        if incident.occurredFrom != nil || incident.occurredTo != nil {
            field(&lines, "Occurred", "\(incident.occurredFrom?.iso8601 ?? "?") to \(incident.occurredTo?.iso8601 ?? "?")")
        }
        if let detected = incident.detectedAt { field(&lines, "Detected", detected.iso8601) }
        field(&lines, "Source", incident.source == "internal" ? "internal" : "\(incident.source) (subprocessor)")
        if let origin = incident.subprocessor {
            field(
                &lines, "Notified us", "\(origin.notifiedAt)  (\(origin.slug): \(timing(origin.timing(detectedAt: incident.detectedAt))))")
        }
        field(&lines, "Systems", list(incident.systems))
        field(&lines, "Regions", list(incident.regions))
        field(&lines, "Personal data", list(incident.dataCategories.map { label($0, .dataCategories) }))
        field(&lines, "Data subjects", list(incident.subjectCategories.map { label($0, .subjectCategories) }))
        field(&lines, "Records", incident.records.map { "about \($0)" } ?? "not yet known")
        field(&lines, "Subjects", incident.subjects.map { "about \($0)" } ?? "not yet known")
        section(&lines, "Nature", [incident.nature])
        // Numbered, because --withdraw-consequence, --withdraw-action and the other --withdraw options take these numbers.
        section(&lines, "Consequences", incident.consequences.enumerated().map { "\($0.offset + 1). \($0.element)" })
        let withdrawn = Dictionary((incident.withdrawnActions ?? []).map { ($0.action, $0.withdrawal) }, uniquingKeysWith: { a, _ in a })
        section(
            &lines, "Actions",
            incident.actions.enumerated().map { index, action in
                "\(index + 1). \(action.takenAt)  \(action.phase)/\(action.kind)  \(action.takenBy): \(action.text)"
                    + (withdrawn[index + 1].map { " " + terminal.dim("(withdrawn \($0.at): \($0.reason))") } ?? "")
            })
        section(
            &lines, "Planned",
            (incident.plannedActions ?? []).enumerated().map { index, planned in
                let state =
                    planned.withdrawn.map { "withdrawn: \($0.reason)" }
                    ?? planned.completedBy.map { "done (event \($0))" } ?? "by \(planned.targetBy)"
                return "\(index + 1). \(planned.text)  (\(state))"
            })
        section(
            &lines, "Recommended to customers",
            (incident.recommendedActions ?? []).enumerated().map { index, recommendation in
                "\(index + 1). \(recommendation.text)" + (recommendation.withdrawn.map { " (withdrawn: \($0.reason))" } ?? "")
            })
        section(&lines, "Cannot be determined", (incident.undetermined ?? []).map { "- \($0.item): \($0.reason)" })
        section(&lines, "Notes", incident.notes.map { "- \($0.at)  \($0.by): \($0.text)" })
        if let summary = incident.closingSummary { section(&lines, "Closing summary", [summary]) }
        section(
            &lines, "Customers",
            incident.shares.map { share in
                let status =
                    share.ruledOut.map { "ruled out: \($0.reason)" }
                    ?? share.firstSent.map { "notified \($0.at)\($0.onTime ? "" : " (late)")" }
                    ?? "notice due by \(share.dueBy(awareAt: incident.awareAt))"
                return "- \(share.customer): \(status); \(share.draftedVersions) version(s) drafted"
            })
        if !incident.isClosed {
            let next = incident.phase.next.map { "advance to \($0)" } ?? "close"
            if unmet.isEmpty {
                section(&lines, "Next", [terminal.green("ready to \(next)")])
            } else {
                section(&lines, "Before it can \(next)", unmet.map { "- " + terminal.yellow($0) })
            }
        }
        lines.append("")
        lines.append(
            terminal.dim(
                "Opened \(incident.openedAt) by \(incident.openedBy); last change \(incident.updatedAt); \(incident.eventCount) events"))
        return lines.joined(separator: "\n")
    }

    /// A subprocessor's notice to us against its contract, in words.
    private func timing(_ timing: SubprocessorTiming) -> String {
        func taken(_ seconds: Int64) -> String { "\(seconds / 3600)h \(seconds % 3600 / 60)m after detection" }
        switch timing {
        case .onTime(let hours, _, let seconds): return terminal.green("on time") + ", \(taken(seconds)); its contract allows \(hours)h"
        case .late(let hours, let dueBy, let seconds):
            return terminal.yellow("late") + ", \(taken(seconds)); its contract allows \(hours)h, so it was due by \(dueBy)"
        case .noAgreedHours: return "no notice hours agreed with it (subprocessor edit --notify-hours)"
        case .detectionUnknown(let hours): return "its contract allows \(hours)h; give --detected-at to judge whether it was late"
        }
    }

    private func field(_ lines: inout [String], _ name: String, _ value: String) {
        let padded = name + ":" + String(repeating: " ", count: max(1, 15 - name.count))
        lines.append(terminal.bold(padded) + value)
    }

    private func section(_ lines: inout [String], _ name: String, _ body: [String]) {
        guard !body.isEmpty else { return }
        lines.append("")
        lines.append(terminal.bold(name + ":"))
        lines.append(contentsOf: body.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 } })
    }

    private func list(_ values: [String]) -> String { values.isEmpty ? "not yet known" : values.joined(separator: ", ") }

    private func label(_ slug: String, _ vocabulary: Vocabulary) -> String {
        let label = vocabulary.label(for: slug)
        return slug.hasPrefix(Vocabulary.otherPrefix) ? "other: \(label)" : label
    }
}
