import IncidentCore

/// Renders planned notices: facts in, versions with their subject and text out. Template sets are loaded
/// and checked, every kind stating all seven §9.2 items, when the drafter is made, before anything is read from or
/// written to the register.
public struct NoticeDrafter: Sendable {
    /// Template sets by the language asked for (a missing language maps to the English set).
    private let sets: [String: TemplateSet]
    /// Languages that had no template set and fell back to English.
    public let fellBack: [String]

    /// Loads the sets for `languages`; `overrides` is a folder whose files replace the shipped ones.
    public init(languages: Set<String>, overrides: String?) throws {
        var sets: [String: TemplateSet] = [:]
        var fellBack: [String] = []
        for language in languages.sorted() {
            let (set, fell) = try TemplateSet.load(language: language, overrides: overrides)
            _ = try NoticeRenderer.verify(set)
            sets[language] = set
            if fell { fellBack.append(language) }
        }
        self.sets = sets
        self.fellBack = fellBack
    }

    /// The version these facts make in the customer's language.
    public func render(_ planned: NoticeFacts) throws -> NoticeVersion {
        guard let set = sets[planned.customer.language] else {
            throw TemplateError(file: "Templates/\(planned.customer.language)", line: nil, problem: "was not loaded before drafting")
        }
        var facts = planned
        facts.language = set.language
        let rendered = NoticeRenderer.render(facts, with: set)
        let origin = set.origin(of: facts.kind.rawValue) + (set.overrides.map { "; overrides from \($0)" } ?? "")
        return NoticeVersion(
            customer: facts.customer.slug, version: facts.version, kind: facts.kind, template: origin,
            subject: rendered.subject, markdown: rendered.markdown, facts: facts)
    }
}
