import Foundation
import HostileInput
import IncidentCore
import Testing

@testable import IncidentNotices

@Suite("Templates")
struct TemplateSetTests {
    @Test("the shipped English set is complete, checks clean and renders every kind")
    func shipped() throws {
        let checked = try NoticeRenderer.check(folder: nil)
        #expect(checked.count == NoticeKind.allCases.count)
        let (set, fellBack) = try TemplateSet.load(language: "en", overrides: nil)
        #expect(!fellBack)
        for kind in NoticeKind.allCases where kind != .notAffected {
            var facts = NoticeView.sample
            facts.kind = kind
            let text = NoticeRenderer.render(facts, with: set).markdown
            for heading in ["## 1. What happened", "## 2.", "## 3.", "## 4.", "## 5.", "## 6.", "## 7. Who to contact"] {
                #expect(text.contains(heading), "\(kind) has \(heading)")
            }
        }
    }

    @Test("a language without templates falls back to English")
    func fallback() throws {
        let (set, fellBack) = try TemplateSet.load(language: "it", overrides: nil)
        #expect(fellBack)
        #expect(set.language == "en")
    }

    @Test("a user folder overrides a shipped file")
    func override() throws {
        let folder = try Self.folder(["en/items/nature.mustache": "## 1. Our account\n\n{{nature}} (as we understand it)\n"])
        let (set, _) = try TemplateSet.load(language: "en", overrides: folder)
        let text = NoticeRenderer.render(NoticeView.sample, with: set).markdown
        #expect(text.contains("## 1. Our account"))
        #expect(text.contains("Sample nature (as we understand it)"))
        #expect(text.contains("## 7. Who to contact"), "files not overridden still come from the shipped set")
    }

    @Test(
        "templates with errors are refused with the file and line",
        arguments: [
            ("{{nature}}\n\n{{#dataCategories}}\n- {{label}}\n", 5, "never closed"),
            ("line one\n{{recrods}}\n", 2, "unknown field 'recrods'; did you mean records"),
            ("a\nb\n{{#changes}}{{itemz}}{{/changes}}\n", 3, "unknown field 'itemz'"),
            ("{{> items/nope}}\n", 1, "partial 'items/nope' does not exist"),
            ("{{=<% %>=}}\n", 1, "not supported"),
            ("x\n{{#consequences}}{{/dataCategories}}\n", 2, "closes a different section"),
            ("{{contact.emial}}\n", 1, "unknown field 'contact.emial'"),
        ])
    func refused(text: String, line: Int, problem: String) throws {
        let folder = try Self.folder(["en/items/nature.mustache": text])
        let error = #expect(throws: TemplateError.self) { _ = try TemplateSet.load(language: "en", overrides: folder) }
        #expect(error?.file.hasSuffix("en/items/nature.mustache") == true)
        #expect(error?.line == line, "\(error?.description ?? "")")
        #expect(error?.problem.contains(problem) == true, "\(error?.description ?? "")")
    }

    @Test("a --templates value that is not a folder of templates is refused with its path", arguments: HostileValues.templateFolders)
    func notAFolder(path: String) {
        // `org set --templates` checks the folder; `notice draft --templates` loads it.
        let checked = #expect(throws: TemplateError.self) { _ = try NoticeRenderer.check(folder: path) }
        #expect(checked?.file == path)
        let loaded = #expect(throws: TemplateError.self) { _ = try TemplateSet.load(language: "en", overrides: path) }
        #expect(loaded?.file == path)
    }

    @Test("nested fields and the section's own fields are known")
    func nested() throws {
        let folder = try Self.folder([
            "en/items/nature.mustache": "{{contact.email}} {{#remediationActions}}{{text}} {{at}} {{incidentId}}{{/remediationActions}}\n"
        ])
        _ = try TemplateSet.load(language: "en", overrides: folder)
    }

    @Test("a partial used inside a section is checked in that section's scope")
    func partialInSection() throws {
        let folder = try Self.folder([
            "en/items/data-categories.mustache": "## 2. Data\n\n{{#dataCategories}}{{> items/category}}{{/dataCategories}}\n",
            "en/items/category.mustache": "- {{label}}\n",
        ])
        let (set, _) = try TemplateSet.load(language: "en", overrides: folder)
        #expect(NoticeRenderer.render(NoticeView.sample, with: set).markdown.contains("- Names"))
    }

    @Test("the subject line is plain text: user text is not Markdown-escaped there")
    func plainSubject() throws {
        let folder = try Self.folder(["en/subject.mustache": "{{incidentId}}: {{title}}\n"])
        let (set, _) = try TemplateSet.load(language: "en", overrides: folder)
        var facts = NoticeView.sample
        facts.title = "**Urgent** - #1"
        let rendered = NoticeRenderer.render(facts, with: set)
        #expect(rendered.subject == "INC-2026-0001: **Urgent** - #1")
    }

    static func folder(_ files: [String: String]) throws -> String {
        let root = NSTemporaryDirectory() + "templates-\(UUID().uuidString)"
        for (path, text) in files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }
}

/// Collapsing blank lines byte by byte must give what the Foundation comparison gives, or step aside for it.
@Suite("Tidying rendered templates")
struct TemplateTidyTests {
    static let cases: [String] =
        [
            "", "\n", " \t\n", "# Notice\n\n\n\nText\n\n\n", "\n\n\n\n# A\n\n\nB\n\n\n\n\n\nC  \n", "A\n\nB\nC", "A\n\n\n\nÉtant\n",
            "A\r\n\r\n\r\n\r\nB", "A\r\n\n\nB", "A\n\n\n\u{301}B", "\u{A0}A\n\n\nB\u{A0}", "ä\n\n\nb", "a\n\n\nä", "\u{2028}A\n\n\nB",
            "A \n\n\n B", "A\n \n\n\nB", "A\u{85}\n\n\nB", "A\n\n\n\n\n\n\n\n\n\nB\u{301}", "**A**\n\n\n- b\n\n\n\n---\n\n\nZ",
        ] + HostileValues.texts.map { "# H\n\n\n\(String($0))\n\n\n\nEnd" } + HostileValues.texts.map { String($0) }

    @Test("every text comes out as Foundation's collapse and trim would leave it", arguments: cases)
    func sameAsFoundation(text: String) {
        let fast = TemplateSet.tidiedBytes(text)
        #expect(fast == nil || fast == TemplateSet.tidiedByFoundation(text), "\(text.debugDescription)")
        #expect(TemplateSet.tidied(text) == TemplateSet.tidiedByFoundation(text))
    }

    @Test("the usual template output takes the byte path")
    func fastPathTaken() throws {
        let (set, _) = try TemplateSet.load(language: "en", overrides: nil)
        let rendered = set.library.render(NoticeView.make(NoticeView.sample), withTemplate: "initial") ?? ""
        #expect(TemplateSet.tidiedBytes(rendered) != nil)
    }
}
