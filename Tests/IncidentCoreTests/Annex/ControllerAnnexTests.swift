import Foundation
import Testing

@testable import IncidentCore

@Suite struct ControllerAnnexTests {
    func notice(kind: NoticeKind = .initial, records: Int? = 10) throws -> NoticeVersion {
        var facts = try Fixture.facts()
        facts.kind = kind
        facts.records = records
        return NoticeVersion(customer: "acme", version: 1, kind: kind, template: "t", subject: "s", markdown: "m", facts: facts)
    }

    /// Logged with confidentiality; acme and contoso affected; acme's v1 drafted; then integrity added; both sent.
    func events() -> [IncidentEvent] {
        var run = MetricsEvents(awareAt: 11)
        run.events[0].payload = .logged(Logged(title: "t", nature: "n", awareAt: MetricsEvents.at(11), breachTypes: [.confidentiality]))
        run.affect("acme", hours: 24, at: 11.5)
        run.affect("contoso", hours: 48, at: 11.5)
        run.add(.noticeDrafted(try! notice()), at: 12)
        var body = Updated()
        body.breachTypes = [.integrity]
        run.add(.updated(body), at: 13)
        run.sent("contoso", dueBy: 59, at: 13.5)
        run.sent("acme", dueBy: 35, at: 14)
        return run.events
    }

    @Test func statesTheBreachTypesKnownWhenTheNoticeWasDrafted() throws {
        let annex = ControllerAnnex.build(notice: try notice(), events: events(), regions: [])
        #expect(annex.nature.breachTypes.items == [.confidentiality])
        #expect(annex.nature.confidentiality == true && annex.nature.integrity == false)
    }

    @Test func timelineNamesThisControllersFirstNotice() throws {
        let annex = ControllerAnnex.build(notice: try notice(), events: events(), regions: [])
        #expect(annex.timeline.controllerInformed.status == "sent")
        #expect(annex.timeline.controllerInformed.at == MetricsEvents.at(14))
        #expect(annex.timeline.processorAwareAt == Fixture.now.adding(seconds: -3600))
        let unsent = ControllerAnnex.build(notice: try notice(), events: Array(events().prefix(4)), regions: [])
        #expect(unsent.timeline.controllerInformed.status == "not yet sent")
        #expect(unsent.timeline.controllerInformed.contractualDeadline == (try notice()).facts.dueBy)
    }

    @Test func holdsNothingOfAnotherCustomer() throws {
        let annex = ControllerAnnex.build(notice: try notice(), events: events(), regions: [])
        let json = String(decoding: try JSONEncoder().encode(annex), as: UTF8.self)
        #expect(!json.contains("contoso"))
        #expect(json.contains("Acme GmbH"))
    }

    @Test(arguments: [
        (NoticeKind.initial, Int?.some(10), Determination.approximate), (.initial, nil, .toBeDetermined), (.update, nil, .toBeDetermined),
        (.final, nil, .cannotBeDetermined), (.final, 10, .approximate),
    ])
    func countsAreMarkedByWhatIsKnown(kind: NoticeKind, records: Int?, status: Determination) throws {
        let annex = ControllerAnnex.build(notice: try notice(kind: kind, records: records), events: [], regions: [])
        #expect(annex.personalData.approximateNumber.status == status)
        #expect(annex.personalData.approximateNumber.value == records)
        #expect(annex.typeOfNotification.phased == (kind != .final))
    }

    @Test func aFinalNoticeCarriesWhyAnItemCannotBeDetermined() throws {
        var final = try notice(kind: .final, records: nil)
        final.facts.consequences = []
        final.facts.cannotDetermine = [
            Undetermined(item: "records", reason: "the export logs were overwritten before we saw them"),
            Undetermined(item: "consequences", reason: "the recipient never answered"),
        ]
        let annex = ControllerAnnex.build(notice: final, events: [], regions: [])
        #expect(annex.personalData.approximateNumber.status == .cannotBeDetermined)
        #expect(annex.personalData.approximateNumber.reason == "the export logs were overwritten before we saw them")
        #expect(annex.likelyConsequences.reason == "the recipient never answered")
        // Known items and items with no recorded reason carry none; the JSON leaves the key out.
        #expect(annex.dataSubjects.approximateNumber.reason == nil)
        #expect(annex.dataSubjects.categories.reason == nil)
        let json = String(decoding: try JSONEncoder().encode(annex.dataSubjects), as: UTF8.self)
        #expect(!json.contains("reason"))
        // While the incident is open, the same record does not turn "to be determined" into a reason.
        var open = try notice(kind: .update, records: nil)
        open.facts.cannotDetermine = final.facts.cannotDetermine
        #expect(ControllerAnnex.build(notice: open, events: [], regions: []).personalData.approximateNumber.reason == nil)
    }

    @Test func categoriesAreExactOnlyInAFinalNotice() throws {
        #expect(ControllerAnnex.build(notice: try notice(), events: [], regions: []).dataSubjects.categories.status == .approximate)
        #expect(ControllerAnnex.build(notice: try notice(kind: .final), events: [], regions: []).dataSubjects.categories.status == .exact)
        let noTypes = ControllerAnnex.build(notice: try notice(kind: .final), events: [], regions: [])
        #expect(noTypes.nature.breachTypes.status == .cannotBeDetermined)
        #expect(noTypes.nature.confidentiality == nil)
    }

    @Test func countriesFromTheControllersRegions() throws {
        let none = ControllerAnnex.build(notice: try notice(), events: [], regions: [])
        #expect(none.countries.status == "unknown" && none.countries.entries.isEmpty)
        let one = ControllerAnnex.build(notice: try notice(), events: [], regions: ["de"])
        #expect(one.countries.entries.map(\.country) == ["DE"])
        #expect(one.countries.entries[0].records == DeterminedCount(status: .approximate, value: 10))
        let several = ControllerAnnex.build(notice: try notice(), events: [], regions: ["eu", "fr"])
        #expect(several.countries.entries.map(\.country) == [nil, "FR"])
        #expect(several.countries.entries.allSatisfy { $0.records.status == .cannotBeDetermined && $0.records.value == nil })
    }
}
