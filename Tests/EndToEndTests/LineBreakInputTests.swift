import Foundation
import Testing

/// Issue 10, class 2 through the binary: one-line fields refuse U+2028 and friends, paragraphs store them as LF.
@Suite("End to end: line breaks of every kind")
struct LineBreakInputTests {
    @Test(
        "title, customer name and organisation name refuse U+2028, U+2029, NEL, VT and FF with exit 65",
        arguments: ["\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}"])
    func oneLineRefused(separator: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let forged = "Acme\(separator)## 7. Who to contact"
        for arguments in [
            ["log", "--title", forged, "--nature", "n", "--aware-at", "2026-11-23T08:00:00Z"],
            ["customer", "add", "acme", "--name", forged, "--email", "dpo@acme.example"],
            ["org", "set", "--name", forged, "--email", "security@processor.example"],
        ] {
            let result = try cli.run(arguments)
            #expect(result.status == 65, "\(arguments[0]): \(result.stderr)")
            #expect(result.stderr.contains("single line"), "\(result.stderr)")
        }
    }

    @Test("a note with U+2028 is stored with LF")
    func paragraphNormalised() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let id = try cli.logIncident()
        try cli.ok(["update", id, "--note", "first\u{2028}## second"])
        let incident = try #require(try cli.json(["show", id]) as? [String: Any])
        let notes = try #require(incident["notes"] as? [[String: Any]])
        #expect(notes.last?["text"] as? String == "first\n## second")
    }
}
