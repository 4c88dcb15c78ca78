import Testing

@testable import IncidentCore

@Suite struct BreachTypeTests {
    @Test(arguments: ["confidentiality", "Integrity", "AVAILABILITY"])
    func parsesTheThreeTypes(_ text: String) throws {
        _ = try BreachType.parse(text)
    }

    @Test(arguments: ["", "secrecy", "confidentiality,integrity", "c", "availability\n", " integrity"])
    func refusesAnythingElseNamingTheField(_ text: String) {
        #expect(throws: InputError.self) { try BreachType.parse(text) }
        do { _ = try BreachType.parse(text) } catch let error as InputError { #expect(error.field == .breachType) } catch {}
    }

    @Test func parseAllKeepsEachOnceInTheGuidelinesOrder() throws {
        #expect(try BreachType.parseAll(["availability", "confidentiality", "availability"]) == [.confidentiality, .availability])
    }

    @Test func statedFoldsLoggedAndUpdatesUpToAnEvent() {
        var run = MetricsEvents(awareAt: 8)
        run.events[0].payload = .logged(Logged(title: "t", nature: "n", awareAt: MetricsEvents.at(8), breachTypes: [.availability]))
        var body = Updated()
        body.breachTypes = [.confidentiality]
        run.add(.updated(body), at: 9)
        #expect(BreachType.stated(in: run.events, through: 1) == [.availability])
        #expect(BreachType.stated(in: run.events) == [.confidentiality, .availability])
    }

    @Test func anUpdateRecordsOnlyNewTypesAndNothingWhenAllAreKnown() throws {
        let incident = try Fixture.logged()
        var proposal = UpdateProposal()
        proposal.breachTypes = [.confidentiality, .integrity]
        proposal.knownBreachTypes = [.confidentiality]
        #expect(Workflow.changes(to: incident, proposal: proposal).breachTypes == [.integrity])
        proposal.breachTypes = [.confidentiality]
        #expect(throws: InputError.self) { try Workflow.update(incident, proposal: proposal, context: Fixture.context) }
    }

    @Test func eventsWithoutTypesKeepTheirBytes() throws {
        // Events logged before the option existed must encode exactly as they were hashed.
        #expect(!(try EventPayload.updated(Updated()).encodedBody().contains("breachTypes")))
        let logged = Logged(title: "t", nature: "n", awareAt: MetricsEvents.at(8))
        #expect(!(try EventPayload.logged(logged).encodedBody().contains("breachTypes")))
    }
}
