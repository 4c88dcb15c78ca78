import Testing

@testable import IncidentCore

@Suite("Text rules")
struct TextRulesTests {
    @Test(
        "control characters and bidirectional overrides are refused",
        arguments: [
            "a\u{0}b", "bell\u{7}", "esc\u{1B}[31m", "del\u{7F}", "c1\u{86}", "rlo\u{202E}txt.exe", "lre\u{202A}", "isolate\u{2066}x",
            "pdi\u{2069}",
        ])
    func refused(text: String) {
        #expect(throws: InputError.self) { _ = try TextRules.paragraph(text, field: "--note") }
    }

    @Test("newlines and tabs are kept in paragraphs; CRLF becomes LF")
    func paragraphs() throws {
        #expect(try TextRules.paragraph("line one\r\n\tline two", field: "--note") == "line one\n\tline two")
    }

    @Test("single-line fields refuse line breaks")
    func lines() {
        #expect(throws: InputError.self) { _ = try TextRules.line("two\nlines", field: "--title") }
    }

    @Test("empty and oversized text is refused with the field named", arguments: ["", "   ", "\n\n"])
    func empty(text: String) {
        let error = #expect(throws: InputError.self) { _ = try TextRules.line(text, field: "--title") }
        #expect(error?.field == "--title")
    }

    @Test("length limits")
    func length() throws {
        #expect(try TextRules.line(String(repeating: "x", count: 200), field: "--title").count == 200)
        #expect(throws: InputError.self) { _ = try TextRules.line(String(repeating: "x", count: 201), field: "--title") }
    }

    @Test("counts must be zero or more")
    func counts() throws {
        #expect(try TextRules.count(0, field: "--records") == 0)
        #expect(throws: InputError.self) { _ = try TextRules.count(-1, field: "--records") }
    }

    @Test("incident ids", arguments: [("INC-2026-0001", 2026, 1), ("inc-2026-42", 2026, 42), ("INC-2027-12345", 2027, 12345)])
    func ids(text: String, year: Int, number: Int) throws {
        let id = try IncidentID.parse(text)
        #expect(id == IncidentID(year: year, number: number))
    }

    @Test("bad incident ids", arguments: ["", "INC-26-1", "INC-2026-0", "2026-0001", "INC-2026-x", "INC-2026-+1", "INC-2026-0001-2"])
    func badIDs(text: String) {
        #expect(throws: InputError.self) { _ = try IncidentID.parse(text) }
    }

    @Test("ids print with at least four digits")
    func idFormat() {
        #expect(IncidentID(year: 2026, number: 7).description == "INC-2026-0007")
        #expect(IncidentID(year: 2026, number: 12345).description == "INC-2026-12345")
    }
}
