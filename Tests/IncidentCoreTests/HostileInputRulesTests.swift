import HostileInput
import Testing

@testable import IncidentCore

/// The hostile-input corpus checked in process: each option of each write command, against every bad value of
/// its kind, through the same core check the command calls (see `Sources/incident/Commands/*.swift`).
///
/// What only the CLI can check (time zones, CSV files, values that are not whole numbers, ids and customers the
/// register does not hold) goes through the binary in `HostileInputTests` (EndToEndTests).
@Suite("Hostile input: every bad value is refused by its option's check")
struct HostileInputRulesTests {
    @Test("refused with an InputError naming the option; nothing accepted", arguments: Self.rules)
    func refused(rule: OptionRule) {
        #expect(!rule.cases.isEmpty)
        for (shown, check) in rule.cases {
            do {
                let accepted = try check()
                Issue.record("\(rule.testDescription) accepted \(shown) as \(accepted)")
            } catch let error as InputError {
                #expect(error.field == rule.field, "\(shown) was refused under another name: \(error)")
            } catch {
                Issue.record("\(rule.testDescription): \(shown) gave \(type(of: error)) \(error), not an InputError")
            }
        }
    }

    static let rules: [OptionRule] = texts + times + vocabulary + numbers + customers + choices + subprocessors

    /// Subprocessors, and the regions and services of customers and subprocessors.
    static let subprocessors: [OptionRule] = [
        .init("subprocessor add", "SLUG", .subprocessorSlug, HostileValues.slugs) { try subprocessor(slug: $0) },
        .init("subprocessor add", "--name", .subprocessorName, HostileValues.lineTexts) { try subprocessor(name: $0) },
        .init("subprocessor add", "--service", .service, HostileValues.scopeTerms) { try subprocessor(service: $0) },
        .init("subprocessor add", "--region", .region, HostileValues.scopeTerms) { try subprocessor(region: $0) },
        .init("subprocessor add", "--notify-hours", .notifyHours, HostileValues.hours) { try subprocessor(notifyHours: $0) },
        .init("customer add, customer edit", "--region", .region, HostileValues.scopeTerms) {
            try Customer.validated(
                slug: "c", name: "C", emails: ["a@b.example"], language: "en", timeZone: "UTC", noticeHours: nil, regions: [$0])
        },
        .init("customer add, customer edit", "--service", .service, HostileValues.scopeTerms) {
            try Customer.validated(
                slug: "c", name: "C", emails: ["a@b.example"], language: "en", timeZone: "UTC", noticeHours: nil, services: [$0])
        },
        .init("log, affect", "--subprocessor", .subprocessor, HostileValues.slugs) { try Slug.parse($0, field: .subprocessor) },
        .init("affect", "--region", .region, HostileValues.scopeTerms) { try ScopeTerm.parse($0, field: .region) },
        .init("log", "--subprocessor-notified-at", .subprocessorNotifiedAt, HostileValues.times) {
            var body = Logged(title: "t", nature: "n", awareAt: aware)
            body.subprocessor = SubprocessorOrigin(
                slug: "twilio", notifiedAt: try time($0, .subprocessorNotifiedAt), notifyHours: nil)
            try Workflow.check(body, context: Fixture.context)
            return body
        },
    ]

    /// `subprocessor add` with one field replaced.
    static func subprocessor(
        slug: String = "twilio", name: String = "Twilio, Inc.", service: String = "voip", region: String = "eu", notifyHours: Int? = nil
    ) throws -> Subprocessor {
        try Subprocessor.validated(slug: slug, name: name, services: [service], regions: [region], notifyHours: notifyHours)
    }

    /// Free text, with each command's limit (`TextRules.line` or `.paragraph`).
    static let texts: [OptionRule] = [
        .init("log, update", "--title", .title, HostileValues.lineTexts) { try TextRules.line($0, field: .title) },
        .init("log, update", "--nature", .nature, HostileValues.texts) { try TextRules.paragraph($0, field: .nature) },
        .init("log, update", "--source", .source, HostileValues.lineTexts) { try TextRules.line($0, field: .source, maxLength: 200) },
        .init("log, update", "--system", .system, HostileValues.lineTexts) { try TextRules.line($0, field: .system) },
        .init("log, update", "--region", .region, HostileValues.lineTexts) { try TextRules.line($0, field: .region, maxLength: 80) },
        .init("log, update", "--consequence", .consequence, HostileValues.texts) {
            try TextRules.paragraph($0, field: .consequence, maxLength: 2_000)
        },
        .init("update, advance", "--note", .note, HostileValues.texts) { try TextRules.paragraph($0, field: .note, maxLength: 100_000) },
        .init("update", "--action", .action, HostileValues.texts) { try TextRules.paragraph($0, field: .action, maxLength: 2_000) },
        .init("close", "--summary", .summary, HostileValues.texts) { try TextRules.paragraph($0, field: .summary, maxLength: 100_000) },
        .init("reopen", "--reason", .reason, HostileValues.texts) { try TextRules.paragraph($0, field: .reason, maxLength: 100_000) },
        .init("unaffect", "--reason", .reason, HostileValues.texts) { try TextRules.paragraph($0, field: .reason) },
        .init("notice sent", "--via", .sentVia, HostileValues.lineTexts) { try TextRules.line($0, field: .sentVia) },
        .init("org set", "--name", .organisationName, HostileValues.lineTexts) { try TextRules.line($0, field: .organisationName) },
        .init("org set", "--phone", .phone, HostileValues.lineTexts) { try TextRules.line($0, field: .phone, maxLength: 40) },
        .init("org set", "--address", .address, HostileValues.lineTexts) { try TextRules.line($0, field: .address, maxLength: 300) },
        .init("customer add", "--name", .customerName, HostileValues.lineTexts) { try customer(name: $0) },
        .init("every write", "--by", .actor, HostileValues.lineTexts) { try TextRules.line($0, field: .actor, maxLength: 120) },
    ]

    /// Times: parsed against the register's clock, then checked by the workflow step that records them.
    static let times: [OptionRule] = [
        .init("log", "--aware-at", .awareAt, HostileValues.times) {
            try Workflow.check(Logged(title: "t", nature: "n", awareAt: time($0, .awareAt)), context: Fixture.context)
        },
        .init("log", "--occurred-from", .occurredFrom, HostileValues.times) {
            try Workflow.check(
                Logged(title: "t", nature: "n", awareAt: aware, occurredFrom: time($0, .occurredFrom)), context: Fixture.context)
        },
        .init("log", "--occurred-to", .occurredTo, HostileValues.times) {
            try Workflow.check(
                Logged(title: "t", nature: "n", awareAt: aware, occurredTo: time($0, .occurredTo)), context: Fixture.context)
        },
        .init("log", "--detected-at", .detectedAt, HostileValues.times) {
            try Workflow.check(
                Logged(title: "t", nature: "n", awareAt: aware, detectedAt: time($0, .detectedAt)), context: Fixture.context)
        },
        .init("update", "--aware-at", .awareAt, HostileValues.times) { text in
            try correction { $0.awareAt = Change(from: aware, to: try time(text, .awareAt)) }
        },
        .init("update", "--occurred-from", .occurredFrom, HostileValues.times) { text in
            try correction { $0.occurredFrom = Change(from: nil, to: try time(text, .occurredFrom)) }
        },
        .init("update", "--occurred-to", .occurredTo, HostileValues.times) { text in
            try correction { $0.occurredTo = Change(from: nil, to: try time(text, .occurredTo)) }
        },
        .init("update", "--detected-at", .detectedAt, HostileValues.times) { text in
            try correction { $0.detectedAt = Change(from: nil, to: try time(text, .detectedAt)) }
        },
        .init("update", "--at", .at, HostileValues.times) { text in
            var body = Updated()
            body.note = "n"
            return try Workflow.update(Fixture.logged(), with: body, context: at(text))
        },
        .init("advance", "--at", .at, HostileValues.times) { try Workflow.advance(Fixture.logged(), note: "n", context: at($0)) },
        .init("close", "--at", .at, HostileValues.times) {
            try Workflow.close(Fixture.action(Fixture.incident(in: .restore)), summary: "s", context: at($0))
        },
        .init("reopen", "--at", .at, HostileValues.times) {
            try Workflow.reopen(Fixture.incident(in: .closed), to: .contain, reason: "r", context: at($0))
        },
        .init("notice sent", "--at", .at, HostileValues.times) {
            try Workflow.markSent(drafted(), customer: "acme", version: nil, via: nil, context: at($0))
        },
    ]

    /// The Appendix 1 vocabularies.
    static let vocabulary: [OptionRule] = [
        .init("log, update, affect", "--data-category", .dataCategory, HostileValues.dataCategories) {
            try Vocabulary.dataCategories.parse($0, field: .dataCategory)
        },
        .init("log, update, affect", "--subject-category", .subjectCategory, HostileValues.subjectCategories) {
            try Vocabulary.subjectCategories.parse($0, field: .subjectCategory)
        },
    ]

    /// Whole numbers the argument parser accepted and the tool must not.
    static let numbers: [OptionRule] = [
        .init("log, update, affect", "--records", .records, HostileValues.counts) { try TextRules.count($0, field: .records) },
        .init("log, update, affect", "--subjects", .subjects, HostileValues.counts) { try TextRules.count($0, field: .subjects) },
        .init("org set", "--notice-hours", .noticeHours, HostileValues.hours) { try NoticeHours.parse($0, field: .noticeHours) },
        .init("org set", "--update-hours", .updateHours, HostileValues.hours) { try NoticeHours.parse($0, field: .updateHours) },
        .init("customer add", "--notice-hours", .noticeHours, HostileValues.hours) { try customer(noticeHours: $0) },
        .init("notice sent", "--version", .noticeVersion, HostileValues.versions) {
            try Workflow.markSent(drafted(), customer: "acme", version: $0, via: nil, context: Fixture.context)
        },
    ]

    /// Customers, our own details, and the customers an incident's notices go to.
    static let customers: [OptionRule] = [
        .init("customer add", "SLUG", .customerSlug, HostileValues.slugs) { try customer(slug: $0) },
        .init("customer add", "--email", .customerEmail, HostileValues.emails) { try customer(email: $0) },
        .init("customer add", "--language", .language, HostileValues.languages) { try customer(language: $0) },
        .init("org set", "--email", .organisationEmail, HostileValues.emails) { try EmailAddress.parse($0, field: .organisationEmail) },
        .init("org set", "--dpo-email", .dpoEmail, HostileValues.emails) { try EmailAddress.parse($0, field: .dpoEmail) },
        .init("affect, unaffect, notice draft, notice sent", "--customer", .customer, HostileValues.slugs) {
            try Slug.parse($0, field: .customer)
        },
        .init("unaffect", "--customer", .customer, HostileValues.unknownCustomers + HostileValues.unaffectedCustomers) {
            try Workflow.unaffect(drafted(), customer: $0, reason: "r", context: Fixture.context)
        },
        .init("notice draft, notice sent", "--customer", .customer, HostileValues.unknownCustomers + HostileValues.unaffectedCustomers) {
            try Workflow.checkNoticeable(drafted(), customer: $0)
        },
    ]

    /// Ids and the names of severities, kinds and phases.
    static let choices: [OptionRule] = [
        .init("every command that takes an id", "ID", .incident, HostileValues.ids) { try IncidentID.parse($0) },
        .init("log, update", "--severity", .severity, HostileValues.severities) { try Severity.parse($0) },
        .init("update", "--kind", .actionKind, HostileValues.actionKinds) { try ActionKind.parse($0) },
        .init("log, update", "--breach-type", .breachType, HostileValues.breachTypes) { try BreachType.parse($0) },
        .init("notice draft", "--kind", .noticeKind, HostileValues.noticeKinds) { try NoticeKind.parse($0) },
        .init("reopen", "--to", "--to", HostileValues.phases) { try Phase.parse($0, field: "--to", allowClosed: false) },
    ]

    // MARK: The valid rest of each call, so the one bad value is what gets refused.

    static let aware = Fixture.now.adding(seconds: -3600)

    static func time(_ text: String, _ field: Field) throws -> Timestamp { try Timestamp.parse(text, field: field, now: Fixture.now) }

    /// The context of a step given `--at`, as `WriterOptions.context(at:)` builds it.
    static func at(_ text: String) throws -> Context { Context(actor: "alice", now: Fixture.now, at: try time(text, .at)) }

    /// `update` with one corrected fact.
    static func correction(_ change: (inout Updated) throws -> Void) throws -> IncidentEvent {
        var body = Updated()
        try change(&body)
        return try Workflow.update(Fixture.logged(), with: body, context: Fixture.context)
    }

    /// `customer add` with one field replaced.
    static func customer(
        slug: String = "new-customer", name: String = "Name", email: String = "a@b.example", language: String = "en",
        noticeHours: Int? = nil
    ) throws -> Customer {
        try Customer.validated(slug: slug, name: name, emails: [email], language: language, timeZone: "UTC", noticeHours: noticeHours)
    }

    /// An incident with customer acme marked affected and its first notice drafted.
    static func drafted() throws -> Incident {
        var incident = try Fixture.logged()
        let directory = Directory(customers: ["acme": Customer(slug: "acme", name: "Acme GmbH", emails: ["dpo@acme.example"])])
        for event in try Workflow.affect(
            incident, [ShareProposal(customer: "acme", dataCategories: ["names"])], directory: directory,
            context: Fixture.context)
        {
            try incident.apply(event)
        }
        let notice = NoticeVersion(
            customer: "acme", version: 1, kind: .initial, template: "en/initial", subject: "s", markdown: "m",
            facts: try Fixture.facts())
        for event in try Workflow.draft(incident, [notice], context: Fixture.context) { try incident.apply(event) }
        return incident
    }
}

/// One option of one or more commands and its bad values, each with the check the option's value goes through.
struct OptionRule: Sendable, CustomTestStringConvertible {
    let commands: String
    let option: String
    /// The field the core names in its refusal; the CLI maps it back to `option`.
    let field: Field
    let cases: [(shown: String, check: @Sendable () throws -> Any)]

    init<Value: Sendable>(
        _ commands: String, _ option: String, _ field: Field, _ values: [Value], _ check: @escaping @Sendable (Value) throws -> Any
    ) {
        self.commands = commands
        self.option = option
        self.field = field
        cases = values.map { value in ((value as? String).map(HostileValues.shown) ?? "\(value)", { try check(value) }) }
    }

    var testDescription: String { "\(option) of \(commands)" }
}
