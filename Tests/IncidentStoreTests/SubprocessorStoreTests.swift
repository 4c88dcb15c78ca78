import Foundation
import IncidentCore
import Testing

@testable import IncidentStore

/// Subprocessors, customers' regions and services, an incident's origin and the `customers-matched` event:
/// kept and verified alike on both backends.
@Suite("Subprocessors in the store, on every backend")
struct SubprocessorStoreTests {
    static let twilio = Subprocessor(slug: "twilio", name: "Twilio, Inc.", services: ["voip"], regions: ["eu", "us"], notifyHours: 24)

    @Test("directory events, origin and fan-out are projected, read back and verified", arguments: Backend.allCases)
    func roundTrip(backend: Backend) throws {
        let fixture = try BackendFixture(backend)
        defer { fixture.remove() }
        let register = try fixture.open()
        let acme = Customer(slug: "acme", name: "Acme GmbH", emails: ["dpo@acme.example"], regions: ["eu"], services: ["voip"])
        let plain = Customer(slug: "plain", name: "Plain Ltd", emails: ["dpo@plain.example"])
        let context = fixture.context()
        _ = try register.recordDirectory { directory in
            try Workflow.addCustomers(directory, [(acme, .customerSlug), (plain, .customerSlug)], context: context)
                + Workflow.addSubprocessors(directory, [(Self.twilio, .subprocessorSlug)], context: context)
        }
        var changes = SubprocessorChanges()
        changes.regions = ["eu"]
        let directory = try register.recordDirectory { try Workflow.editSubprocessor($0, slug: "twilio", changes, context: context) }
        #expect(directory.subprocessors["twilio"]?.regions == ["eu"])
        #expect(directory.customers["acme"] == acme)
        #expect(try register.directory() == directory)

        var body = Logged(
            title: "VoIP records", nature: "Bucket left public at the VoIP subprocessor", awareAt: StoreFixture.now.adding(seconds: -3600),
            detectedAt: StoreFixture.now.adding(seconds: -7200), dataCategories: ["call-metadata"])
        (body.source, body.subprocessor) = try Workflow.origin(
            at: "twilio", notifiedAt: StoreFixture.now.adding(seconds: -5400), directory: directory)
        let id = try register.log(body, context: context).id
        #expect(
            try register.incident(id).subprocessor
                == SubprocessorOrigin(slug: "twilio", notifiedAt: StoreFixture.now.adding(seconds: -5400), notifyHours: 24))
        let incident = try register.recordMany(id) { current in
            let reach = try Workflow.reach(current, subprocessor: "twilio", regions: [], directory: directory)
            return try Workflow.affect(current, reach: reach, directory: directory, context: context)
        }
        #expect(incident.shares.map(\.customer) == ["acme"])
        #expect(incident.eventCount == 3)
        #expect(try register.timeline(id).contains { $0.event.payload.type == "customers-matched" })
        let report = try register.verify()
        #expect(report.problems == [])
    }
}
