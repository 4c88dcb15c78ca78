import Foundation
import Testing

/// A cheap check that docs/man/incident.1 (written by `bash scripts/man.sh`, which runs argument-parser's
/// generate-manual plugin) still describes the binary: every command, its abstract and every option.
/// `bash scripts/man.sh --check` compares the whole page; it needs the plugin, so it is not run here.
@Suite("Man page")
struct ManPageTests {
    static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/man/incident.1")

    /// The roff escapes scripts/man.sh writes for the characters generate-manual would drop.
    static func roff(_ text: String) -> String {
        text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "§": return #"\(sc"#
            case "→": return #"\(->"#
            default: return scalar.isASCII ? String(scalar) : String(format: #"\[u%04X]"#, scalar.value)
            }
        }.joined()
    }

    @Test("the checked-in man page names every command, abstract and option, and keeps § and →")
    func current() throws {
        let page = try String(contentsOf: Self.page, encoding: .utf8)
        let ascii = page.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii, "non-ASCII text belongs in roff escapes")
        #expect(page.contains(#"DPA \(sc9.4 phases"#))
        #expect(page.contains(#"investigate \(-> contain"#))
        let cli = try CLI()
        defer { cli.remove() }
        let dump = try #require(try JSONSerialization.jsonObject(with: Data(cli.ok(["--experimental-dump-help"]).utf8)) as? [String: Any])
        var stale: [String] = []
        func walk(_ command: [String: Any], root: Bool) {
            let name = command["commandName"] as? String ?? "?"
            if !root && !page.contains(".It Em \(name)\n") { stale.append("command \(name)") }
            if let abstract = command["abstract"] as? String, !page.contains(Self.roff(abstract)) { stale.append("abstract of \(name)") }
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool != false {
                for option in argument["names"] as? [[String: Any]] ?? [] where option["kind"] as? String == "long" {
                    let flag = option["name"] as? String ?? "?"
                    if !page.contains("Fl -\(flag)") { stale.append("\(name) --\(flag)") }
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { walk(sub, root: false) }
        }
        walk(try #require(dump["command"] as? [String: Any]), root: true)
        #expect(stale.isEmpty, "docs/man/incident.1 is out of date (run bash scripts/man.sh): \(stale)")
    }
}
