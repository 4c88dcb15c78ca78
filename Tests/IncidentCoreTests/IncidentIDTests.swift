import Testing

@testable import IncidentCore

@Suite("Incident ids: the stored form's fast path reads as the general parser does")
struct IncidentIDTests {
    @Test(
        "canonical ids take the fast path, with the value the general parser gives",
        arguments: ["INC-2026-0001", "INC-1970-1", "INC-2026-123456789", "INC-9999-0042"])
    func canonical(_ text: String) throws {
        let fast = try #require(IncidentID.canonical(text))
        #expect(try IncidentID.parse(text) == fast)
    }

    @Test(
        "anything else goes the general way: refused, or read as before",
        arguments: [
            "inc-2026-0001", " INC-2026-0001", "INC-2026-0000", "INC-26-0001", "INC-2026-", "INC-2026-1234567890", "INC-2026-00x1",
            "INC-2026-0001 ", "INC_2026_0001", "INC-２０２６-0001",
        ])
    func general(_ text: String) {
        #expect(IncidentID.canonical(text) == nil)
    }

    @Test("lower case and spaces are still read by the general path")
    func lenient() throws {
        #expect(try IncidentID.parse(" inc-2026-7 ") == IncidentID(year: 2026, number: 7))
        #expect(throws: (any Error).self) { try IncidentID.parse("INC-2026-0000") }
    }
}
