import Foundation
import IncidentCore
import Testing

@testable import IncidentNotices

/// The shipped languages: complete, in their own words throughout, and labelled as what they are.
@Suite("Notice languages")
struct LanguageTests {
    static let translated = ["de", "fr", "pl"]

    @Test("German, French and Polish ship beside English")
    func shipped() {
        #expect(NoticeRenderer.shippedLanguages == ["de", "en", "fr", "pl"])
        #expect(Set(NoticeLanguage.all.keys) == Set(NoticeRenderer.shippedLanguages), "every shipped template set has a word table")
    }

    @Test(
        "every shipped language checks clean, states all seven §9.2 items and renders every kind",
        arguments: NoticeRenderer.shippedLanguages)
    func sevenItems(language: String) throws {
        #expect(try NoticeRenderer.check(folder: nil, language: language).count == 3)
        let (set, fellBack) = try TemplateSet.load(language: language, overrides: nil)
        #expect(!fellBack)
        for kind in NoticeKind.allCases {
            var unknown = GoldenFacts.make(kind, language: language)
            unknown.dataCategories = []
            unknown.subjectCategories = []
            unknown.consequences = []
            unknown.mitigationMeasures = []
            unknown.remediationActions = []
            unknown.records = nil
            unknown.subjects = nil
            for facts in [GoldenFacts.make(kind, language: language), unknown] {
                let rendered = NoticeRenderer.render(facts, with: set)
                var after = rendered.markdown.startIndex
                for number in 1...7 {
                    let heading = try #require(
                        rendered.markdown.range(of: "\n## \(number). ", range: after..<rendered.markdown.endIndex),
                        "\(language) \(kind) has item \(number), numbered, in order")
                    after = heading.upperBound
                }
                #expect(!rendered.subject.isEmpty && !rendered.subject.contains("\n"))
            }
        }
    }

    @Test("the check names a kind whose templates leave out a §9.2 item")
    func missingItemIsRefused() throws {
        let folder = try TemplateSetTests.folder([
            "de/items/all.mustache":
                "{{> items/nature}}\n{{> items/data-categories}}\n{{> items/subject-categories}}\n{{> items/remediation}}\n{{> items/mitigation}}\n{{> items/contact}}\n"
        ])
        let error = #expect(throws: TemplateError.self) { _ = try NoticeRenderer.checkAll(folder: folder) }
        #expect(error?.file == "Templates/de/initial.mustache (shipped)", "\(error?.description ?? "")")
        #expect(error?.problem.contains("§9.2 item 4") == true, "\(error?.description ?? "")")
    }

    /// English words that must not reach a translated notice: template phrases, labels and status words.
    static var englishWords: [String] {
        let en = NoticeLanguage.english
        return Array(en.phases.values) + Array(en.changeItems.values) + Array(en.categories.values)
            + [
                en.notYetKnown, "about ", "Dear ", "Security incident", "Notice ", "At a glance", "What happened", "What has changed",
                "What happens next", "Who to contact", "Register reference", "still under investigation", "Current status",
                "All times are", "Our reference", "For the attention", "Yours faithfully", "initial notice", "final report",
            ]
    }

    @Test("no English reaches a German, French or Polish notice in any format", arguments: translated)
    func noEnglish(language: String) throws {
        let drafter = try NoticeDrafter(languages: [language], overrides: nil)
        for kind in NoticeKind.allCases {
            let draft = try drafter.render(Self.wordless(kind, language: language))
            for format in [NoticeFormat.md, .txt, .html] {
                let text = try NoticeExport.render(draft, as: format)
                for word in Self.englishWords { #expect(!text.contains(word), "\(language) \(kind).\(format) has English '\(word)'") }
                for phase in Phase.allCases {
                    #expect(
                        text.range(of: "\\b\(phase.rawValue)\\b", options: [.regularExpression, .caseInsensitive]) == nil,
                        "\(language) \(kind).\(format) has the phase name '\(phase.rawValue)'")
                }
                #expect(!text.contains("2026-11-2"), "\(language) \(kind).\(format) writes a date the English way")
            }
            #expect(!draft.subject.contains("Security") && !draft.subject.contains("notice"), "\(language) subject: \(draft.subject)")
        }
    }

    @Test(
        "the HTML's lang and the .eml's Content-Language are the notice's language; a fallback says English",
        arguments: ["en", "de", "fr", "pl", "it"])
    func labelled(language: String) throws {
        let drafter = try NoticeDrafter(languages: [language], overrides: nil)
        #expect(drafter.fellBack == (language == "it" ? ["it"] : []))
        let draft = try drafter.render(GoldenFacts.make(.initial, language: language))
        let said = language == "it" ? "en" : language
        #expect(draft.facts.language == said)
        #expect(try NoticeExport.render(draft, as: .html).contains("<html lang=\"\(said)\">"))
        let eml = try NoticeExport.render(draft, as: .eml)
        #expect(eml.contains("\r\nContent-Language: \(said)\r\n"))
        #expect(MIMEDecoding.decodeWords(MIMEDecoding.header("Subject", in: eml) ?? "") == draft.subject)
    }

    @Test(
        "counts are grouped as each language writes them",
        arguments: [
            ("en", 1200, "about 1,200"), ("de", 1200, "etwa 1.200"), ("fr", 1200, "environ 1\u{A0}200"), ("pl", 1200, "około 1\u{A0}200"),
            ("de", 900, "etwa 900"), ("fr", 1_234_567, "environ 1\u{A0}234\u{A0}567"),
        ])
    func counts(language: String, value: Int, expected: String) {
        #expect(NoticeLanguage.named(language).approximate(value) == expected)
    }

    @Test(
        "dates are written in the customer's language and zone; an offset only where it differs from the notice's",
        arguments: [
            ("de", "Europe/Berlin", 10, 24, 22, "25.\u{A0}Oktober 2026 um 00:00\u{A0}Uhr (UTC+02:00)"),
            ("de", "Europe/Berlin", 10, 25, 22, "25.\u{A0}Oktober 2026 um 23:00\u{A0}Uhr"),
            ("fr", "Europe/Paris", 10, 31, 23, "1er\u{A0}novembre 2026 à 0\u{A0}h\u{A0}00"),
            ("fr", "Europe/Paris", 3, 3, 8, "3\u{A0}mars 2026 à 9\u{A0}h\u{A0}00"),
            ("fr", "Europe/Paris", 7, 14, 8, "14\u{A0}juillet 2026 à 10\u{A0}h\u{A0}00 (UTC+02:00)"),
            ("pl", "Europe/Warsaw", 11, 23, 8, "23\u{A0}listopada 2026\u{A0}r. o\u{A0}godz.\u{A0}09:00"),
            ("pl", "UTC", 5, 1, 14, "1\u{A0}maja 2026\u{A0}r. o\u{A0}godz.\u{A0}14:00"),
            ("en", "Europe/Berlin", 11, 23, 8, "2026-11-23\u{A0}09:00"),
            ("en", "Europe/Berlin", 8, 1, 8, "2026-08-01\u{A0}10:00 (UTC+02:00)"),
        ])
    func dates(language: String, zone: String, month: Int, day: Int, hour: Int, expected: String) {
        let time = Timestamp.utc(year: 2026, month: month, day: day, hour: hour)!
        let zone = TimeZone(identifier: zone)!
        // The notice names its zone's November offset once (UTC+01:00, or UTC+00:00 in UTC itself).
        let noticeOffset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_795_420_800))
        #expect(NoticeLanguage.named(language).format(time, in: zone, noticeOffset: noticeOffset) == expected)
    }

    @Test(
        "every Appendix 1 category has its own label in every translated language; other: text stays as typed",
        arguments: translated)
    func categories(language: String) {
        let words = NoticeLanguage.named(language)
        for term in Vocabulary.dataCategories.terms + Vocabulary.subjectCategories.terms {
            let label = words.label(.init(slug: term.slug, label: term.label))
            #expect(label != term.label, "\(language) has no label for \(term.slug)")
        }
        #expect(words.label(.init(slug: "other:Passport scans", label: "Passport scans")) == "Passport scans")
        #expect(Set(words.changeItems.keys) == Set(NoticeLanguage.english.changeItems.keys))
        #expect(Set(words.phases.keys) == Set(Phase.allCases))
    }

    @Test("a change recorded before changes carried their values keeps its English words")
    func oldChange() {
        let old = NoticeFacts.Change(item: "Status", before: "contain", after: "mitigate")
        let said = NoticeLanguage.german.describe(old, in: TimeZone(identifier: "UTC")!)
        #expect(said.item == "Status" && said.before == "contain" && said.after == "mitigate")
    }

    /// Facts whose typed text is not English, so anything English in the notice came from us.
    static func wordless(_ kind: NoticeKind, language: String) -> NoticeFacts {
        var facts = GoldenFacts.make(kind, language: language)
        facts.title = "T-1"
        facts.nature = "N-1"
        facts.source = "Northwind"
        facts.consequences = ["C-1"]
        facts.mitigationMeasures = facts.mitigationMeasures.map {
            var m = $0
            m.text = "M-1"
            return m
        }
        facts.remediationActions = facts.remediationActions.map {
            var r = $0
            r.text = "R-1"
            return r
        }
        facts.closingSummary = facts.closingSummary.map { _ in "S-1" }
        facts.changes = facts.changes.map { change in
            var change = change
            if change.field == "mitigationMeasures" { change.afterValues = ["M-1"] }
            if change.field == "recommendedActions" { change.afterValues = ["A-1"] }
            if change.field == "withdrawnConsequences" { change.afterValues = ["C-2"] }
            return change
        }
        facts.recommendedActions = facts.recommendedActions?.map { _ in "A-1" }
        facts.plannedActions = facts.plannedActions?.map { .init(text: "P-1", targetBy: $0.targetBy) }
        facts.systems = ["S-2"]
        facts.regions = ["R-2"]
        facts.cannotDetermine = facts.cannotDetermine?.map { Undetermined(item: $0.item, reason: "D-1") }
        facts.closingNote = facts.closingNote.map { _ in "K-1" }
        facts.contact.name = "Processor"
        facts.customer.name = "Acme"
        return facts
    }
}
