import IncidentCore

/// Builds notice versions: facts from the register, text from the customer's template set.
public struct NoticeDrafter {
    /// Template sets by language, loaded once per batch.
    private var sets: [String: TemplateSet] = [:]
    private let overrides: String?
    /// Called once per language that fell back to English, so the CLI can warn.
    private let onFallback: (String) -> Void

    public init(overrides: String?, onFallback: @escaping (String) -> Void = { _ in }) {
        self.overrides = overrides
        self.onFallback = onFallback
    }

    /// Drafts the next version for each customer, as consecutive events on the incident.
    public mutating func draft(incident: Incident, customers: [String], directory: Directory, requested: NoticeKind?,
                               checkpoint: Checkpoint, lastSent: [String: (version: Int, facts: NoticeFacts)],
                               context: Context) throws -> [IncidentEvent] {
        var state = incident
        var events: [IncidentEvent] = []
        events.reserveCapacity(customers.count)
        for slug in customers {
            let share = try Workflow.checkNoticeable(state, customer: slug)
            guard let customer = directory.customers[slug] else {
                throw InputError(field: "--customer", problem: "\(slug) is not in the customer list; see `incident customer list`")
            }
            let kind = try Workflow.noticeKind(state, share: share, requested: requested)
            var facts = NoticeFacts.build(incident: state, share: share, customer: customer, organisation: directory.contact,
                                          kind: kind, version: share.draftedVersions + 1, draftedAt: context.now,
                                          checkpoint: checkpoint, lastSent: lastSent[slug])
            let set = try templates(for: customer.language)
            facts.language = set.language
            let rendered = NoticeRenderer.render(facts, with: set)
            let origin = set.origin(of: kind.rawValue) + (set.overrides.map { "; overrides from \($0)" } ?? "")
            let body = NoticeDrafted(customer: slug, version: facts.version, kind: kind, template: origin,
                                     subject: rendered.subject, markdown: rendered.markdown, facts: facts)
            let event = try Workflow.draft(state, body, context: context)
            try state.apply(event)
            events.append(event)
        }
        return events
    }

    private mutating func templates(for language: String) throws -> TemplateSet {
        if let set = sets[language] { return set }
        let (set, fellBack) = try TemplateSet.load(language: language, overrides: overrides)
        if fellBack { onFallback(language) }
        sets[language] = set
        return set
    }
}

/// Turns facts into a notice's subject line and Markdown text.
public enum NoticeRenderer {
    public static func render(_ facts: NoticeFacts, with set: TemplateSet) -> (subject: String, markdown: String) {
        let subject = set.render("subject", NoticeView.make(facts, markdown: false)).split(whereSeparator: \.isNewline).joined(separator: " ")
        return (subject, set.render(facts.kind.rawValue, NoticeView.make(facts)))
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
