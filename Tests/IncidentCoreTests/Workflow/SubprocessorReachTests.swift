import Testing

@testable import IncidentCore

/// The fan-out rule: service × region, narrowed by region, already-marked customers skipped.
@Suite struct SubprocessorReachTests {
    static func customer(_ slug: String, _ regions: [String], _ services: [String]) -> (String, Customer) {
        (slug, Customer(slug: slug, name: slug.uppercased(), emails: ["dpo@\(slug).example"], regions: regions, services: services))
    }

    static let directory = Directory(
        customers: Dictionary(
            uniqueKeysWithValues: [
                customer("eu-voip", ["eu"], ["voip", "chat"]),
                customer("eu-chat", ["eu"], ["chat"]),
                customer("us-voip", ["us"], ["voip"]),
                customer("both-voip", ["us", "eu"], ["voip"]),
                customer("apac-voip", ["apac"], ["voip"]),
                customer("unknown", [], ["voip"]),
            ]),
        organisation: Organisation(name: "Us", email: "security@us.example", noticeHours: 48),
        subprocessors: [
            "twilio": Subprocessor(slug: "twilio", name: "Twilio, Inc.", services: ["voip"], regions: ["eu", "us"], notifyHours: 24),
            "nowhere": Subprocessor(slug: "nowhere", name: "Nowhere", services: ["voip"]),
        ])

    @Test(arguments: [
        ([String](), ["both-voip", "eu-voip", "us-voip"]),
        (["eu"], ["both-voip", "eu-voip"]),
        (["us"], ["both-voip", "us-voip"]),
        (["eu", "us"], ["both-voip", "eu-voip", "us-voip"]),
    ])
    func serviceTimesRegion(regions: [String], expected: [String]) throws {
        let reach = try Workflow.reach(try Fixture.logged(), subprocessor: "twilio", regions: regions, directory: Self.directory)
        #expect(reach.customers == expected)
        #expect(reach.unknownScope == ["unknown"])
        #expect(reach.services == ["voip"])
        #expect(reach.regions == (regions.isEmpty ? ["eu", "us"] : regions))
    }

    @Test func aRegionTheSubprocessorDoesNotServeIsRefused() throws {
        #expect(throws: InputError.self) {
            try Workflow.reach(try Fixture.logged(), subprocessor: "twilio", regions: ["apac"], directory: Self.directory)
        }
        #expect(throws: InputError.self) {
            try Workflow.reach(try Fixture.logged(), subprocessor: "nobody", regions: [], directory: Self.directory)
        }
    }

    @Test func aSubprocessorWithNoRegionReachesNobody() throws {
        let reach = try Workflow.reach(try Fixture.logged(), subprocessor: "nowhere", regions: [], directory: Self.directory)
        #expect(reach.customers.isEmpty)
    }

    @Test func affectRecordsTheMatchThenOneShareEachWithTheIncidentsCategories() throws {
        var body = Logged(
            title: "VoIP", nature: "n", awareAt: Fixture.now.adding(seconds: -3600), source: "Twilio, Inc.",
            dataCategories: ["call-metadata"], subjectCategories: ["end-users"])
        body.subprocessor = SubprocessorOrigin(slug: "twilio", notifiedAt: Fixture.now.adding(seconds: -7200), notifyHours: 24)
        var incident = try Incident.started(by: Workflow.log(body, id: Fixture.id, context: Fixture.context))
        for event in try Workflow.affect(
            incident, [ShareProposal(customer: "eu-voip")], directory: Self.directory, context: Fixture.context)
        {
            try incident.apply(event)
        }
        let reach = try Workflow.reach(incident, subprocessor: "twilio", regions: ["eu"], directory: Self.directory)
        #expect(reach.customers == ["both-voip"])
        #expect(reach.alreadyAffected == ["eu-voip"])
        let events = try Workflow.affect(incident, reach: reach, directory: Self.directory, context: Fixture.context)
        #expect(events.map(\.number) == [3, 4])
        #expect(
            events[0].payload
                == .customersMatched(
                    CustomersMatched(
                        subprocessor: "twilio", regions: ["eu"], services: ["voip"], customers: ["both-voip"], alreadyAffected: ["eu-voip"])
                ))
        for event in events { try incident.apply(event) }
        #expect(incident.shares.map(\.customer) == ["eu-voip", "both-voip"])
        #expect(incident.shares[1].dataCategories == ["call-metadata"])
        #expect(incident.shares[1].subjectCategories == ["end-users"])
        #expect(incident.shares[1].noticeHours == 48)
        #expect(incident.eventCount == 4)
        // Again: nobody new, so it is refused and nothing is recorded.
        let again = try Workflow.reach(incident, subprocessor: "twilio", regions: ["eu"], directory: Self.directory)
        #expect(again.customers.isEmpty)
        #expect(throws: InputError.self) {
            try Workflow.affect(incident, reach: again, directory: Self.directory, context: Fixture.context)
        }
    }
}
