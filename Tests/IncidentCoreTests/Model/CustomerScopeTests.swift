import Testing

@testable import IncidentCore

/// Customers gained regions and services; what was stored before them must read and hash as it did.
@Suite struct CustomerScopeTests {
    @Test func aCustomerWithoutScopeEncodesAsBefore() throws {
        let customer = Customer(slug: "acme", name: "Acme", emails: ["dpo@acme.example"])
        let body = try CanonicalJSON.encode(customer)
        #expect(body == #"{"emails":["dpo@acme.example"],"language":"en","name":"Acme","slug":"acme","timeZone":"UTC"}"#)
        #expect(try CanonicalJSON.decode(Customer.self, body) == customer)
    }

    @Test func regionsAndServicesRoundTrip() throws {
        let customer = Customer(slug: "acme", name: "Acme", emails: ["dpo@acme.example"], regions: ["eu"], services: ["voip", "chat"])
        let body = try CanonicalJSON.encode(customer)
        #expect(body.contains(#""regions":["eu"]"#) && body.contains(#""services":["voip","chat"]"#))
        #expect(try CanonicalJSON.decode(Customer.self, body) == customer)
    }

    @Test func editReplacesRegionsAndServices() throws {
        let customer = Customer(slug: "acme", name: "Acme", emails: ["dpo@acme.example"], regions: ["eu"], services: ["voip"])
        var changes = CustomerChanges()
        changes.services = ["chat"]
        let events = try Workflow.editCustomer(Directory(customers: ["acme": customer]), slug: "acme", changes, context: Fixture.context)
        guard case .customerEdited(let edited)? = events.first?.payload else {
            Issue.record("no edit")
            return
        }
        #expect(edited.regions == ["eu"])
        #expect(edited.services == ["chat"])
    }

    @Test func validatedChecksScopeTerms() {
        #expect(throws: InputError.self) {
            try Customer.validated(
                slug: "acme", name: "Acme", emails: ["dpo@acme.example"], language: "en", timeZone: "UTC", noticeHours: nil,
                regions: ["EU;US"])
        }
    }

    @Test func anOrganisationStoredBeforeTheChoiceNamesSubprocessors() throws {
        let organisation = Organisation(name: "Us", email: "security@us.example")
        #expect(!(try CanonicalJSON.encode(organisation)).contains("nameSubprocessors"))
        #expect(organisation.namesSubprocessors)
        var changes = OrganisationChanges()
        changes.nameSubprocessors = false
        #expect(!organisation.merging(changes).namesSubprocessors)
    }

    @Test func noticeFactsWithholdTheNameWhenAsked() throws {
        var incident = try Fixture.logged()
        incident.source = "Twilio, Inc."
        incident.subprocessor = SubprocessorOrigin(slug: "twilio", notifiedAt: Fixture.now.adding(seconds: -7200), notifyHours: 24)
        let customer = Customer(slug: "acme", name: "Acme", emails: ["dpo@acme.example"])
        let share = CustomerShare(
            customer: "acme", dataCategories: [], subjectCategories: [], records: nil, subjects: nil, noticeHours: 48,
            affectedAt: Fixture.now)
        var organisation = Organisation(name: "Us", email: "security@us.example")
        func facts() -> NoticeFacts {
            NoticeFacts.build(
                incident: incident, share: share, customer: customer, organisation: organisation, kind: .initial, version: 1,
                draftedAt: Fixture.now, checkpoint: Checkpoint(events: 1, hash: String(repeating: "a", count: 64)), lastSent: nil)
        }
        #expect(facts().source == "Twilio, Inc.")
        #expect(facts().sourceWithheld == nil)
        #expect(facts().subprocessorNotifiedAt == incident.subprocessor?.notifiedAt)
        organisation.nameSubprocessors = false
        #expect(facts().source == "subprocessor")
        #expect(facts().sourceWithheld == true)
        #expect(!(try CanonicalJSON.encode(facts())).contains("Twilio"))
    }
}
