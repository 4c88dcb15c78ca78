import Testing

@testable import IncidentCore

/// Issue 10, class 2: whatever a renderer takes for a line or paragraph break is refused in one-line fields and
/// becomes LF in paragraphs, before anything else sees the text.
@Suite("Text rules: every kind of line break")
struct LineBreakTests {
    static let breaks: [String] = ["\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

    @Test("one-line fields refuse every line break, with the single-line message", arguments: breaks)
    func lineRefuses(lineBreak: String) {
        for text in ["Title\(lineBreak)## 7. Who to contact", "Title\(lineBreak)", "\(lineBreak)Title"] {
            let error = #expect(throws: InputError.self) { _ = try TextRules.line(text, field: "--title") }
            #expect(error?.problem.contains("single line") == true, "\(String(describing: error))")
        }
    }

    @Test("paragraph fields turn every line break into LF", arguments: breaks)
    func paragraphNormalises(lineBreak: String) throws {
        let text = try TextRules.paragraph("first\(lineBreak)## second", field: "--note")
        #expect(text == "first\n## second")
        #expect(!text.unicodeScalars.contains { TextRules.lineBreaks.contains($0.value) && $0 != "\n" })
    }

    @Test("CRLF is one break, a CR before a CR is two")
    func crlf() throws {
        #expect(try TextRules.paragraph("a\r\nb\r\rc\u{2029}\u{2028}d", field: "--note") == "a\nb\n\nc\n\nd")
    }

    @Test("the set of breaks is exactly what Character.isNewline accepts among single scalars")
    func agreesWithRenderer() {
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(Character(scalar).isNewline == TextRules.lineBreaks.contains(value), "U+\(String(value, radix: 16))")
        }
    }
}
