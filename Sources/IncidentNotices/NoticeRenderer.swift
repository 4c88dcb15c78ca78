import IncidentCore

/// Turns facts into a notice's subject line and Markdown text.
public enum NoticeRenderer {
    public static func render(_ facts: NoticeFacts, with set: TemplateSet) -> (subject: String, markdown: String) {
        let subject = set.render("subject", NoticeView.make(facts, markdown: false)).split(whereSeparator: \.isNewline).joined(
            separator: " ")
        return (subject, set.render(facts.kind.rawValue, NoticeView.make(facts)))
    }

    /// The languages the shipped templates are written in.
    public static var shippedLanguages: [String] {
        Set(ShippedTemplates.files.keys.compactMap { $0.split(separator: "/").first.map(String.init) }).sorted()
    }

    /// Checks every shipped language and every language a folder has; returns the files checked per language.
    public static func checkAll(folder: String?) throws -> [(language: String, files: [String])] {
        let languages = Set(shippedLanguages + (try folder.map { try TemplateFolder($0).languages } ?? []))
        return try languages.sorted().map { ($0, try check(folder: folder, language: $0)) }
    }

    /// Checks a language's templates (shipped, or with a folder's overrides) by loading them and rendering
    /// every kind from a sample in which every fact is known: each kind must state all seven §9.2 items.
    public static func check(folder: String?, language: String = "en") throws -> [String] {
        try verify(try TemplateSet.load(language: language, overrides: folder).set)
    }

    /// Renders every kind of a loaded set from the sample; returns each kind's main template.
    static func verify(_ set: TemplateSet) throws -> [String] {
        var sample = NoticeView.sample
        sample.language = set.language
        sample.customer.language = set.language
        var checked: [String] = []
        for kind in NoticeKind.allCases {
            sample.kind = kind
            let text = render(sample, with: set).markdown
            let origin = set.origin(of: kind.rawValue)
            guard text.count > 1 else { throw TemplateError(file: origin, line: nil, problem: "renders nothing") }
            // The all-clear takes nothing back item by item: it states why, and whom to ask.
            let required =
                kind == .notAffected
                ? SevenItems.markers.filter { $0.key == "contact" } + [
                    (0, "ruledOutReason", "why the customer was ruled out", NoticeView.sampleRuledOutReason)
                ]
                : SevenItems.markers
            for item in required where !text.contains(item.text) {
                let what = item.number == 0 ? item.name : "§9.2 item \(item.number), \(item.name)"
                throw TemplateError(
                    file: origin, line: nil,
                    problem: "does not state \(what) (`\(item.key)`), "
                        + "though the sample notice knows it: check this template and the files it includes; "
                        + (kind == .notAffected
                            ? "a not-affected notice states why and whom to contact" : "every notice states all seven items")
                )
            }
            checked.append(origin)
        }
        return checked
    }
}
