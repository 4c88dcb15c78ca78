import Testing

@testable import IncidentCore

@Suite struct ScopeTermTests {
    @Test(arguments: [("eu", "eu"), (" US ", "us"), ("voip", "voip"), ("eu-west-1", "eu-west-1"), ("a2", "a2")])
    func accepted(raw: String, term: String) throws {
        #expect(try ScopeTerm.parse(raw, field: .region) == term)
    }

    @Test(arguments: ["", "-eu", "1eu", "eu;us", "eu us", "é", String(repeating: "a", count: 33), "eu_west"])
    func refused(raw: String) {
        #expect(throws: InputError.self) { try ScopeTerm.parse(raw, field: .service) }
        do { _ = try ScopeTerm.parse(raw, field: .service) } catch let error as InputError { #expect(error.field == .service) } catch {}
    }

    @Test func parseAllDropsRepeatsInFirstSeenOrder() throws {
        #expect(try ScopeTerm.parseAll(["us", "EU", "us", "eu"], field: .region) == ["us", "eu"])
    }
}
