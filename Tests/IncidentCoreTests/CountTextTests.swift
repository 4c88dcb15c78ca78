import Testing

@testable import IncidentCore

@Suite("Counts as typed")
struct CountTextTests {
    @Test(
        "plain digits and correct groups of three are read",
        arguments: [
            ("12000", 12_000), ("12,000", 12_000), ("12 000", 12_000), ("12_000", 12_000), ("12\u{00A0}000", 12_000),
            ("1,234,567", 1_234_567), ("0", 0), ("999", 999), (" 14500 ", 14_500), ("100,000,000,000", 100_000_000_000),
        ])
    func accepted(text: String, value: Int) throws {
        #expect(try CountText.parse(text, field: "--records") == value)
    }

    @Test("a dot is ambiguous and says how to write the number", arguments: ["12.000", "12.5", "1.234.567"])
    func ambiguous(text: String) {
        let error = #expect(throws: InputError.self) { _ = try CountText.parse(text, field: "--records") }
        #expect(error?.field == "--records")
        #expect(error?.problem.contains("ambiguous") == true)
        #expect(error?.problem.contains("without separators (12000) or with commas every three digits (12,000)") == true)
    }

    @Test(
        "wrong grouping, mixed separators and non-numbers are refused naming the fix",
        arguments: [
            "1,20", "12,00", "1,2345", "1234,567", ",123", "123,", "12,,000", "12, 000", "1 000,000", "twelve", "", "12k", "0x10", "+5",
            "12\n", "1\n000",
        ])
    func refused(text: String) {
        let error = #expect(throws: InputError.self) { _ = try CountText.parse(text, field: "--subjects") }
        #expect(error?.field == "--subjects")
        #expect(error?.problem.hasSuffix("write it without separators (12000) or with commas every three digits (12,000)") == true)
    }

    @Test("negative and huge counts keep the count rule's messages")
    func range() {
        let negative = #expect(throws: InputError.self) { _ = try CountText.parse("-5", field: "--records") }
        #expect(negative?.problem == "-5 is negative; give an approximate count of zero or more")
        let huge = #expect(throws: InputError.self) { _ = try CountText.parse("100,000,000,001", field: "--records") }
        #expect(huge?.problem.contains("too large") == true)
        #expect(throws: InputError.self) { _ = try CountText.parse(String(repeating: "9", count: 40), field: "--records") }
    }
}
