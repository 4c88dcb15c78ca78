import IncidentCore

/// Turns facts into a notice's subject line and Markdown text.
public enum NoticeRenderer {
    public static func render(_ facts: NoticeFacts, with set: TemplateSet) -> (subject: String, markdown: String) {
        let subject = set.render("subject", NoticeView.make(facts, markdown: false)).split(whereSeparator: \.isNewline).joined(separator: " ")
        return (subject, set.render(facts.kind.rawValue, NoticeView.make(facts)))
    }

    /// Checks English and every language a folder has (or the shipped set); returns the files checked per language.
    public static func checkAll(folder: String?) throws -> [(language: String, files: [String])] {
        let languages = Set(["en"] + (try folder.map { try TemplateFolder($0).languages } ?? []))
        return try languages.sorted().map { ($0, try check(folder: folder, language: $0)) }
    }

    /// Checks a template folder (or the shipped set) by loading and rendering every kind from a sample.
    public static func check(folder: String?, language: String = "en") throws -> [String] {
        let (set, _) = try TemplateSet.load(language: language, overrides: folder)
        var sample = NoticeView.sample
        var checked: [String] = []
        for kind in NoticeKind.allCases {
            sample.kind = kind
            let text = render(sample, with: set).markdown
            guard text.count > 1 else { throw TemplateError(file: set.origin(of: kind.rawValue), line: nil, problem: "renders nothing") }
            checked.append(set.origin(of: kind.rawValue))
        }
        return checked
    }
}
