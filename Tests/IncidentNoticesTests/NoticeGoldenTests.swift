import Foundation
import IncidentCore
import Testing

@testable import IncidentNotices

/// Every kind of notice in every format and every shipped language, against files checked in under Golden/<language>/.
/// Re-record after an intended change with `INCIDENT_RECORD_GOLDEN=1 swift test --filter NoticeGoldenTests`.
@Suite("Golden notices")
struct NoticeGoldenTests {
    static let languages = ["en", "de", "fr", "pl"]
    static let cases: [(String, NoticeKind, NoticeFormat)] = languages.flatMap { language in
        // The controller annex has no language of its own: AnnexGoldenTests records it once, with its events.
        NoticeKind.allCases.flatMap { kind in NoticeFormat.allCases.filter { $0 != .edpb }.map { (language, kind, $0) } }
    }

    @Test("rendered output matches the golden file", arguments: cases)
    func golden(language: String, kind: NoticeKind, format: NoticeFormat) throws {
        let draft = try NoticeDrafter(languages: [language], overrides: nil).render(GoldenFacts.make(kind, language: language))
        let output = try NoticeExport.render(draft, as: format)
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/\(language)/\(kind.rawValue).\(format.rawValue)")
        if ProcessInfo.processInfo.environment["INCIDENT_RECORD_GOLDEN"] == "1" {
            // Recording never passes silently: a changed file fails this run, so it is reviewed before it counts.
            if (try? String(contentsOf: url, encoding: .utf8)) != output {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try output.write(to: url, atomically: true, encoding: .utf8)
                Issue.record(
                    "re-recorded \(language)/\(url.lastPathComponent); review the diff, then run again without INCIDENT_RECORD_GOLDEN")
            }
            return
        }
        let expected = try #require(
            try? String(contentsOf: url, encoding: .utf8), "missing \(url.path); record it with INCIDENT_RECORD_GOLDEN=1")
        #expect(output == expected, "\(language) \(kind).\(format) differs from \(language)/\(url.lastPathComponent)")
    }

    @Test("every notice but the all-clear states all seven §9.2 items, known or not", arguments: [NoticeKind.initial, .update, .final])
    func sevenItems(kind: NoticeKind) throws {
        let (set, _) = try TemplateSet.load(language: "en", overrides: nil)
        var empty = GoldenFacts.make(kind)
        empty.dataCategories = []
        empty.subjectCategories = []
        empty.consequences = []
        empty.mitigationMeasures = []
        empty.remediationActions = []
        empty.records = nil
        let text = NoticeRenderer.render(empty, with: set).markdown
        for number in 1...7 { #expect(text.contains("## \(number). ")) }
        #expect(text.components(separatedBy: "still under investigation").count - 1 >= 4)
        #expect(empty.unknownItems == ["dataCategories", "subjectCategories", "consequences", "remediationActions", "mitigationMeasures"])
    }

    @Test("the all-clear states why, that nothing follows, whom to contact, and promises no update", arguments: ["en", "de", "fr", "pl"])
    func notAffected(language: String) throws {
        let (set, _) = try TemplateSet.load(language: language, overrides: nil)
        let facts = GoldenFacts.make(.notAffected, language: language)
        let rendered = NoticeRenderer.render(facts, with: set)
        #expect(rendered.markdown.contains(try #require(facts.ruledOutReason)))
        #expect(rendered.markdown.contains("security@processor.example"))
        #expect(!rendered.markdown.contains("## 1. "))
        #expect(rendered.subject.contains("INC-2026-0007"))
        if language == "en" {
            #expect(rendered.markdown.contains("no further notices will follow"))
            #expect(rendered.markdown.contains("**Notice 2, prepared"))
            #expect(rendered.markdown.contains("notice 2 (not-affected; our version 3)"))
        }
    }

    @Test("a notice shows the customer's own number, and the next update in UTC too")
    func numberingAndUTC() throws {
        let (set, _) = try TemplateSet.load(language: "en", overrides: nil)
        let text = NoticeRenderer.render(GoldenFacts.make(.update), with: set).markdown
        #expect(text.contains("**Notice 2, prepared"))
        #expect(text.contains("notice 2 (update; our version 3)"))
        #expect(text.contains("that is 2026-11-24\u{00A0}14:00 UTC, or sooner"))
    }

    @Test("update and final notices begin with what changed")
    func changesFirst() throws {
        let (set, _) = try TemplateSet.load(language: "en", overrides: nil)
        for kind in [NoticeKind.update, .final] {
            let text = NoticeRenderer.render(GoldenFacts.make(kind), with: set).markdown
            let changes = try #require(text.range(of: "## What has changed since our last notice"))
            let nature = try #require(text.range(of: "## 1. What happened"))
            #expect(changes.lowerBound < nature.lowerBound)
            #expect(text.contains("about 1,200 → about 5,400"))
        }
    }

    @Test("times show in the customer's zone; across a daylight-saving change a time shows its own offset")
    func timeZones() {
        let zone = TimeZone(identifier: "Europe/Berlin")!
        #expect(
            NoticeView.format(Timestamp.utc(year: 2026, month: 10, day: 24, hour: 22)!, in: zone, noticeOffset: 3600)
                == "2026-10-25\u{A0}00:00 (UTC+02:00)")
        #expect(
            NoticeView.format(Timestamp.utc(year: 2026, month: 10, day: 25, hour: 22)!, in: zone, noticeOffset: 3600)
                == "2026-10-25\u{A0}23:00")
    }

    @Test("the zone is named once, in the heading, with its offset; a notice in UTC says so", arguments: ["Europe/Berlin", "UTC"])
    func zoneNamedOnce(zone: String) throws {
        var facts = GoldenFacts.make(.update)
        facts.customer.timeZone = zone
        let markdown = try NoticeDrafter(languages: ["en"], overrides: nil).render(facts).markdown
        #expect(markdown.contains(zone == "UTC" ? "All times are UTC." : "All times are Europe/Berlin time (UTC+01:00)."))
        #expect(markdown.components(separatedBy: zone).count - 1 == 1, "the zone is named after a time too")
    }
}

/// Fixed facts for golden files: no clock, no register. Only the customer's language and zone differ by language.
enum GoldenFacts {
    static let zones = ["en": "Europe/Berlin", "de": "Europe/Berlin", "fr": "Europe/Paris", "pl": "Europe/Warsaw"]

    static let versions: [NoticeKind: Int] = [.initial: 1, .update: 3, .final: 4, .notAffected: 3]
    static let sequences: [NoticeKind: Int] = [.initial: 1, .update: 2, .final: 3, .notAffected: 2]

    static func make(_ kind: NoticeKind, language: String = "en") -> NoticeFacts {
        let aware = Timestamp.utc(year: 2026, month: 11, day: 23, hour: 8)!
        let drafted = aware.adding(seconds: 6 * 3600)
        let made = NoticeFacts.ActionItem(text: "Bucket made private", kind: .containment, phase: .contain, at: aware.adding(seconds: 1800))
        // What an update or final notice reports as changed since notice 1, as the core records it.
        let changes: [NoticeFacts.Change] =
            kind == .initial
            ? []
            : [
                .init(
                    item: "Status", before: "investigate", after: kind == .final ? "closed" : "contain", field: "phase",
                    beforeValues: ["investigate"], afterValues: [kind == .final ? "closed" : "contain"]),
                .init(
                    item: "Categories of personal data", before: "Chat transcripts", after: "Chat transcripts; Call metadata",
                    field: "dataCategories", beforeValues: ["chat-transcripts"], afterValues: ["chat-transcripts", "call-metadata"]),
                .init(
                    item: "Approximate number of records", before: "about 1,200", after: "about 5,400", field: "records",
                    beforeValues: ["1200"], afterValues: ["5400"]),
                .init(
                    item: "Mitigation measures", before: "", after: "Bucket made private", field: "mitigationMeasures",
                    afterValues: ["Bucket made private"]),
                .init(
                    item: "Withdrawn: categories of data subjects", before: "", after: "Support contacts",
                    field: "withdrawnSubjectCategories", afterValues: ["support-contacts"]),
                .init(
                    item: "Withdrawn: consequences", before: "", after: "Account takeover", field: "withdrawnConsequences",
                    afterValues: ["Account takeover"]),
                .init(
                    item: "What we recommend you do", before: "", after: "Warn your end users", field: "recommendedActions",
                    afterValues: ["Warn your end users about calls that quote recent call times"]),
            ]
        var facts = NoticeFacts(
            incidentId: "INC-2026-0007", title: "Call transcripts exposed at a VoIP subprocessor",
            customer: .init(
                slug: "acme-gmbh", name: "Acme <GmbH> & \"Partner\"", emails: ["dpo@acme.example", "security@acme.example"],
                language: language, timeZone: zones[language] ?? "UTC"),
            kind: kind, version: Self.versions[kind]!, draftedAt: drafted,
            dueBy: aware.adding(seconds: 24 * 3600),
            awareAt: aware, occurredFrom: aware.adding(seconds: -86_400), occurredTo: aware.adding(seconds: -3600), detectedAt: nil,
            phase: kind == .final ? .closed : .contain, source: "Northwind Voice Ltd.",
            nature:
                "A storage bucket at our VoIP subprocessor was readable without authentication.\n# This line is text, not a heading; <script>alert(1)</script>",
            dataCategories: [
                .init(slug: "chat-transcripts", label: "Chat transcripts"), .init(slug: "call-metadata", label: "Call metadata"),
            ],
            subjectCategories: [.init(slug: "end-users", label: "End users")], records: 5400, subjects: 900,
            consequences: ["Transcripts may have been read by unknown parties", "**Phishing** using details from calls"],
            mitigationMeasures: kind == .notAffected ? [] : [made],
            remediationActions: kind == .final
                ? [.init(text: "Bucket policy checked on every deploy", kind: .remediation, phase: .remediate, at: drafted)] : [],
            contact: .init(
                name: "Example Processor Ltd", email: "security@processor.example", phone: "+44 20 7946 0000",
                address: nil, dpoEmail: "dpo@processor.example"),
            nextUpdateBy: kind.promisesUpdate ? drafted.adding(seconds: 24 * 3600) : nil,
            changes: kind == .notAffected ? [] : changes,
            changesSinceVersion: kind == .initial ? nil : kind == .final ? 3 : 1,
            closingSummary: kind == .final ? "Bucket locked down and keys rotated." : nil,
            registerReference: Checkpoint(events: 42, hash: String(repeating: "ab", count: 32)))
        facts.severity = .high
        facts.systems = ["Voice gateway", "Call recording archive"]
        facts.regions = ["EU (Frankfurt)"]
        facts.recommendedActions = kind == .initial ? [] : ["Warn your end users about calls that quote recent call times"]
        facts.plannedActions =
            kind == .update ? [.init(text: "Rotate every agent's session keys", targetBy: drafted.adding(seconds: 3 * 86_400))] : []
        if kind == .final {
            facts.subjects = nil
            facts.cannotDetermine = [Undetermined(item: "subjects", reason: "The gateway keeps no per-person log.")]
            facts.closingNote = "Of the records above, about 5,400 were yours."
        } else {
            facts.cannotDetermine = []
        }
        // The subprocessor told us 20 minutes before we confirmed it; the final notice is drafted after we chose
        // not to name subprocessors, so it shows the other wording.
        facts.subprocessorNotifiedAt = aware.adding(seconds: -1200)
        if kind == .final {
            facts.source = "subprocessor"
            facts.sourceWithheld = true
        }
        // Our version 2 was drafted and never sent: the customer counts only what it received.
        facts.sequence = Self.sequences[kind]!
        facts.changesSinceNotice = kind == .initial ? nil : kind == .final ? 2 : 1
        if kind == .notAffected {
            facts.ruledOutReason = "Acme's tenant runs on the EU cluster, whose bucket the subprocessor confirms was never exposed"
        }
        return facts
    }
}
