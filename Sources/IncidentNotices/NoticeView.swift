import Foundation
import IncidentCore

/// What a template sees: the notice's facts with times shown in the customer's zone, status, categories,
/// counts and changes in the notice's language, and user text escaped so it can never change the
/// notice's Markdown structure.
///
/// Every name a template may use is a key here; `TemplateChecker` refuses any other.
enum NoticeView {
    /// `markdown` false gives plain values, for the subject line, which is not Markdown.
    static func make(_ facts: NoticeFacts, markdown: Bool = true) -> [String: Any] {
        let zone = TimeZone(identifier: facts.customer.timeZone) ?? TimeZone(identifier: "UTC")!
        let words = NoticeLanguage.named(facts.language)
        // The notice names its zone and this offset once; a time shows an offset only where it differs.
        let offset = NoticeLanguage.offset(of: facts.draftedAt, in: zone)
        func format(_ t: Timestamp) -> String { words.format(t, in: zone, noticeOffset: offset) }
        func time(_ t: Timestamp?) -> Any? { t.map(format) }
        func text(_ s: String) -> String { markdown ? MarkdownEscape.text(s) : s }
        // List items and one-line values stay on one line, so a line break of any kind (one stored before the text
        // rules refused U+2028 in a title, say) cannot end the list or start a heading.
        func item(_ s: String) -> String {
            text(s.split(omittingEmptySubsequences: false, whereSeparator: MarkdownBlock.isLineBreak).joined(separator: " "))
        }
        func actions(_ items: [NoticeFacts.ActionItem]) -> [[String: Any]] {
            items.map {
                ["text": item($0.text), "at": format($0.at), "phase": $0.phase.rawValue, "kind": $0.kind.rawValue]
            }
        }
        var view: [String: Any] = [
            "incidentId": facts.incidentId,
            "title": item(facts.title),
            "kind": facts.kind.rawValue,
            "isInitial": facts.kind == .initial,
            "isUpdate": facts.kind == .update,
            "isFinal": facts.kind == .final,
            "isNotAffected": facts.kind == .notAffected,
            "version": facts.version,
            // What the customer counts: the notices it was sent, not our drafts (older notices showed the version).
            "noticeNumber": facts.sequence ?? facts.version,
            "customer": ["name": item(facts.customer.name), "slug": facts.customer.slug],
            "timeZone": facts.customer.timeZone,
            "isUTC": NoticeLanguage.isUTC(zone),
            "utcOffset": NoticeLanguage.offsetText(offset),
            "draftedAt": format(facts.draftedAt),
            "dueBy": format(facts.dueBy),
            "awareAt": format(facts.awareAt),
            "phase": words.phase(facts.phase),
            "nature": text(facts.nature),
            "fromSubprocessor": facts.source != "internal",
            "source": item(facts.source),
            "sourceNamed": facts.sourceWithheld != true && facts.source != "internal",
            "dataCategories": facts.dataCategories.map { ["label": item(words.label($0))] },
            "subjectCategories": facts.subjectCategories.map { ["label": item(words.label($0))] },
            "consequences": facts.consequences.map { ["text": item($0)] },
            "mitigationMeasures": actions(facts.mitigationMeasures),
            "remediationActions": actions(facts.remediationActions),
            "contact": contact(facts.contact, item),
            "changes": facts.changes.map { change -> [String: Any] in
                let said = words.describe(change, in: zone, noticeOffset: offset)
                return ["item": said.item, "before": item(said.before ?? ""), "after": item(said.after), "hasBefore": said.before != nil]
            },
            "registerReference": facts.registerReference.description,
        ]
        view["occurredFrom"] = time(facts.occurredFrom)
        view["occurredTo"] = time(facts.occurredTo)
        view["detectedAt"] = time(facts.detectedAt)
        view["nextUpdateBy"] = time(facts.nextUpdateBy)
        view["subprocessorNotifiedAt"] = time(facts.subprocessorNotifiedAt)
        // The same promise in UTC, in the notice's language, for readers elsewhere; absent when the notice is in UTC already.
        if zone.identifier != "UTC" && zone.identifier != "GMT" {
            view["nextUpdateByUTC"] = facts.nextUpdateBy.map { words.format($0, in: TimeZone(identifier: "UTC")!) }
        }
        view["changesSinceNotice"] = facts.changesSinceNotice ?? facts.changesSinceVersion
        view["ruledOutReason"] = facts.ruledOutReason.map(text)
        view["records"] = facts.records.map(words.approximate)
        view["subjects"] = facts.subjects.map(words.approximate)
        view["changesSinceVersion"] = facts.changesSinceVersion
        view["closingSummary"] = facts.closingSummary.map(text)
        view["closingNote"] = facts.closingNote.map(text)
        view["severity"] = facts.severity.map(words.severity)
        // Joined into one line each; absent when none is recorded, so a template can leave the line out.
        let systems = (facts.systems ?? []).map(item).joined(separator: words.listSeparator)
        let regions = (facts.regions ?? []).map(item).joined(separator: words.listSeparator)
        view["systemsList"] = systems.isEmpty ? nil : systems
        view["regionsList"] = regions.isEmpty ? nil : regions
        view["recommendedActions"] = (facts.recommendedActions ?? []).map { ["text": item($0)] }
        let planned = facts.plannedActions ?? []
        view["plannedActions"] = planned.map { ["text": item($0.text), "by": format($0.targetBy)] }
        view["hasPlannedActions"] = !planned.isEmpty
        // Only the items this notice cannot state; each key holds its reason.
        var undetermined: [String: Any] = [:]
        for entry in facts.cannotDetermine ?? [] { undetermined[entry.item] = item(entry.reason) }
        view["cannotDetermine"] = undetermined
        return view
    }

    private static func contact(_ c: NoticeFacts.Contact, _ text: (String) -> String) -> [String: Any] {
        var view: [String: Any] = ["name": text(c.name)]
        if !c.email.isEmpty { view["email"] = c.email }
        // No-break spaces keep a phone number on one line when the text is wrapped, so it can be read and dialled.
        view["phone"] = c.phone.map { text($0.replacingOccurrences(of: " ", with: "\u{00A0}")) }
        view["address"] = c.address.map(text)
        view["dpoEmail"] = c.dpoEmail
        return view
    }

    /// `2026-11-23 09:05`: a time as English notices show it, with ` (UTC+02:00)` when its offset is not `noticeOffset`.
    static func format(_ time: Timestamp, in zone: TimeZone, noticeOffset: Int? = nil) -> String {
        NoticeLanguage.english.format(time, in: zone, noticeOffset: noticeOffset)
    }
}

/// Keeps user text from being read as Markdown structure: a leading `#` or `-`, or `*`, is escaped.
///
/// A line here is what `MarkdownBlock.parse` takes for one (`Character.isNewline`: LF, CR, CRLF, VT, FF, NEL,
/// U+2028, U+2029), and each break comes out as LF, so no separator the escaping missed can start a heading.
enum MarkdownEscape {
    static func text(_ s: String) -> String {
        var out = ""
        for line in s.split(omittingEmptySubsequences: false, whereSeparator: MarkdownBlock.isLineBreak) {
            if !out.isEmpty { out += "\n" }
            // Most text has neither character: skip the round trip through NSString that replacing costs.
            var escaped =
                line.utf8.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "*") }
                ? line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "*", with: "\\*") : String(line)
            let trimmed = escaped.drop { $0 == " " }
            if trimmed.hasPrefix("#") || trimmed.hasPrefix("-") {
                escaped = String(escaped.prefix(escaped.count - trimmed.count)) + "\\" + trimmed
            }
            out += escaped
        }
        return out
    }
}
