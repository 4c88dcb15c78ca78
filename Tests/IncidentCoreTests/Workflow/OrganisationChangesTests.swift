import Testing

@testable import IncidentCore

@Suite("Our details and the customer directory")
struct OrganisationChangesTests {
    @Test("the first time needs a name and an e-mail address")
    func firstTime() throws {
        var changes = OrganisationChanges()
        changes.name = "Example Processor Ltd"
        let error = #expect(throws: InputError.self) { _ = try Workflow.setOrganisation(Directory(), changes, context: Fixture.context) }
        #expect(error?.field == .organisation)
        changes.email = "security@processor.example"
        let events = try Workflow.setOrganisation(Directory(), changes, context: Fixture.context)
        #expect(events.count == 1)
    }

    @Test("fields not given keep their value; a change that changes nothing records nothing")
    func merge() throws {
        let current = Organisation(name: "Us", email: "us@us.example", phone: "+44 1", noticeHours: 36)
        let directory = Directory(organisation: current)
        var changes = OrganisationChanges()
        changes.dpoEmail = "dpo@us.example"
        let events = try Workflow.setOrganisation(directory, changes, context: Fixture.context)
        guard case .organisationSet(let merged)? = events.first?.payload else {
            Issue.record("no event")
            return
        }
        #expect(merged == Organisation(name: "Us", email: "us@us.example", phone: "+44 1", dpoEmail: "dpo@us.example", noticeHours: 36))
        var same = OrganisationChanges()
        same.name = "Us"
        #expect(try Workflow.setOrganisation(directory, same, context: Fixture.context).isEmpty)
    }

    @Test("adding customers: identical ones are skipped, different ones and repeats refused")
    func addCustomers() throws {
        let acme = Customer(slug: "acme", name: "Acme GmbH", emails: ["dpo@acme.example"])
        let directory = Directory(customers: ["acme": acme])
        let globex = Customer(slug: "globex", name: "Globex", emails: ["p@globex.example"])
        let events = try Workflow.addCustomers(
            directory, [(acme, .row("c.csv", line: 2)), (globex, .row("c.csv", line: 3))],
            context: Fixture.context)
        #expect(events.map(\.payload) == [.customerAdded(globex)])
        var renamed = acme
        renamed.name = "Acme AG"
        let changed = #expect(throws: InputError.self) {
            _ = try Workflow.addCustomers(directory, [(renamed, .row("c.csv", line: 2))], context: Fixture.context)
        }
        #expect(changed?.field == "c.csv:2")
        let twice = #expect(throws: InputError.self) {
            _ = try Workflow.addCustomers(
                Directory(), [(globex, .row("c.csv", line: 2)), (globex, .row("c.csv", line: 5))],
                context: Fixture.context)
        }
        #expect(twice?.field == "c.csv:5")
        #expect(twice?.problem.contains("c.csv:2") == true)
    }
}

@Suite("Correcting a customer")
struct CustomerChangesTests {
    static let acme = Customer(slug: "acme", name: "Acme GmbH", emails: ["dpo@acme.example"], language: "de", noticeHours: 24)

    @Test("a correction keeps the slug and what was not given; a change that changes nothing records nothing")
    func edit() throws {
        let directory = Directory(customers: ["acme": Self.acme])
        var changes = CustomerChanges()
        changes.emails = ["privacy@acme.example"]
        changes.noticeHours = .some(nil)
        let events = try Workflow.editCustomer(directory, slug: "acme", changes, context: Fixture.context)
        var expected = Self.acme
        expected.emails = ["privacy@acme.example"]
        expected.noticeHours = nil
        #expect(events.map(\.payload) == [.customerEdited(expected)])
        var replayed = directory
        try replayed.apply(events[0])
        #expect(replayed.customers["acme"] == expected)
        var same = CustomerChanges()
        same.name = "Acme GmbH"
        #expect(try Workflow.editCustomer(directory, slug: "acme", same, context: Fixture.context).isEmpty)
    }

    @Test("an unknown customer is refused, and an edit never comes before the customer was added")
    func unknown() throws {
        let error = #expect(throws: InputError.self) {
            _ = try Workflow.editCustomer(Directory(), slug: "acme", CustomerChanges(), context: Fixture.context)
        }
        #expect(error?.next == .listCustomers)
        var empty = Directory()
        #expect(throws: ReplayError.self) {
            try empty.apply(DirectoryEvent(payload: .customerEdited(Self.acme), actor: "a", recordedAt: Fixture.now))
        }
    }

    @Test(
        "slugs and language tags are checked whole: a final line break is refused",
        arguments: ["acme\n", "acme\r", "ac me", "acme\u{2028}"])
    func wholeSlug(slug: String) {
        #expect(throws: InputError.self) { _ = try Slug.parse(slug, field: .customerSlug) }
        #expect(throws: InputError.self) { _ = try LanguageTag.parse("de\n", field: .language) }
    }
}
