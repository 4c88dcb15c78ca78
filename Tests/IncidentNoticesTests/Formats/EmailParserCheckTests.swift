import Foundation
import Testing

@testable import IncidentNotices

/// Python's standard `email` package as an independent, strict reader of the rendered `.eml`.
@Suite struct EmailParserCheckTests {
    // Beyond the top-level defects, every part and every parsed header must be defect-free too.
    static let script = """
        import email, sys
        from email import policy
        m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
        assert not m.defects, m.defects
        for part in m.walk():
            assert not part.defects, part.defects
            for name, value in part.items():
                assert not value.defects, (name, value.defects)
        assert m["x-unsent"] == "1"
        print(m["subject"])
        print(m["from"].addresses[0].display_name)
        print(m.get_body(("plain",)).get_content())
        """

    static let long = String(repeating: " sehr lange Betreffzeile", count: 6)
    static let cases: [(subject: String, name: String, shownSubject: String, shownName: String)] = [
        (
            "Sicherheitsvorfall: Übermittlung – ÄÖÜ ß 日本語", "Datenschutz-Team Müller & Söhne",
            "Sicherheitsvorfall: Übermittlung – ÄÖÜ ß 日本語", "Datenschutz-Team Müller & Söhne"
        ),
        ("Security incident notice", "Security Team, ACME Inc.", "Security incident notice", "Security Team, ACME Inc."),
        (
            "Hi\r\nBcc: evil@example.com" + long, "Hi\r\nBcc: evil@example.com",
            "Hi  Bcc: evil@example.com" + long, "Hi Bcc: evil@example.com"
        ),
    ]

    @Test(arguments: cases)
    func pythonReadsTheMessage(subject: String, name: String, shownSubject: String, shownName: String) throws {
        let text = MarkdownLite.plainText(
            "# Sicherheitsvorfall\n\nWir haben am **23. November** einen unbefugten Zugriff festgestellt. "
                + "Betroffen sind Name, Anschrift und Kundennummer = 3D-Drucker-Kunden.   \n\n- Ändern Sie Ihr Passwort\n")
        let message = try sampleMessage(subject: subject, name: name, text: text)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("incident-\(UUID().uuidString).eml")
        try Data(message.rendered().utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        guard let (status, output, errors) = try runPython(file.path) else { return }
        try #require(status == 0, "python3 rejected the message: \(errors)")
        let lines = output.components(separatedBy: "\n")
        #expect(lines[0] == shownSubject)
        #expect(lines[1] == shownName)
        let body = lines.dropFirst(2).joined(separator: "\n").replacingOccurrences(of: "\r", with: "")
        #expect(body.contains("Sicherheitsvorfall\n=================="))
        #expect(body.contains("Wir haben am 23. November einen unbefugten Zugriff festgestellt."))
        #expect(body.contains("Kundennummer = 3D-Drucker-Kunden."))
        #expect(body.contains("- Ändern Sie Ihr Passwort"))
    }

    /// Runs the script through `/usr/bin/env python3`; records an issue, rather than passing, when there is no Python.
    private func runPython(_ path: String) throws -> (Int32, String, String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.script, path]
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONIOENCODING"] = "utf-8"  // a C locale would otherwise fail to print "Ü"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            Issue.record("could not start /usr/bin/env python3: \(error)")
            return nil
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 {
            Issue.record("python3 not found on PATH; the real-parser check did not run")
            return nil
        }
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }
}
