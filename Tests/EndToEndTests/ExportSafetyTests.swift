import Foundation
import GRDB
import Testing

@Suite("Reliability: export injection and permissions")
struct ExportSafetyTests {
    static let formulas = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+SUM(1,2)", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0"]
    static let markup = "<script>alert(1)</script><img src=x onerror=alert(2)>\" onmouseover=\"x"

    /// An incident whose every free-text field is an attack.
    static func hostileIncident() throws -> (CLI, String) {
        let cli = try CLI()
        try cli.ok(["org", "set", "--name", "Example <b>Processor</b>", "--email", "security@processor.example"])
        try cli.ok(["customer", "add", "acme", "--name", "=Acme \(markup)", "--email", "dpo@acme.example"])
        let id = try cli.ok([
            "log", "--title", formulas[0], "--nature", formulas[1] + " " + markup, "--aware-at", "2026-11-23T08:00:00Z",
            "--source", formulas[3], "--system", formulas[2], "--region", "@EU", "--data-category", "other:=1+1",
            "--consequence", formulas[4], "--consequence", markup,
        ])
        try cli.ok(["update", id, "--note", "=2*3", "--action", "-rm -rf " + markup])
        try cli.ok(["affect", id, "--customer", "acme"])
        try cli.ok(["notice", "draft", id, "--all"])
        try cli.ok(["notice", "sent", id, "--customer", "acme", "--via", "+phone"])
        return (cli, id)
    }

    @Test("CSV: every cell quoted, formula starts neutralised, read back by Python's csv module")
    func csv() throws {
        let (cli, _) = try Self.hostileIncident()
        defer { cli.remove() }
        let csv = try cli.ok(["register", "--format", "csv"]) + "\r\n"
        let cells = try Python.run(
            """
            import csv, io, json, sys
            rows = list(csv.reader(io.StringIO(sys.stdin.read(), newline='')))
            print(json.dumps(rows))
            """, stdin: csv)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(cells.utf8)) as? [[String]])
        #expect(rows.count == 2)
        #expect(rows[0].count == rows[1].count)
        for cell in rows[1] {
            if let first = cell.first { #expect(!"=+-@\t\r".contains(first), "a cell starts with \(first): \(cell)") }
        }
        #expect(rows[1].contains("'" + Self.formulas[0]))
        for line in csv.split(separator: "\r\n") where !line.isEmpty { #expect(line.hasPrefix("\"")) }
    }

    @Test("HTML: user markup comes out as text; only the notice's own elements exist")
    func html() throws {
        let (cli, id) = try Self.hostileIncident()
        defer { cli.remove() }
        let html = try cli.ok(["notice", "export", id, "--customer", "acme", "--format", "html"])
        let report = try Python.run(
            """
            import sys, json
            from html.parser import HTMLParser
            class P(HTMLParser):
                def __init__(self):
                    super().__init__(); self.tags = set(); self.attrs = set(); self.text = []; self.hrefs = []
                def handle_starttag(self, tag, attrs):
                    self.tags.add(tag); self.attrs.update(a for a, _ in attrs)
                    self.hrefs += [v for a, v in attrs if a == "href"]
                def handle_data(self, data): self.text.append(data)
            p = P(); p.feed(sys.stdin.read())
            print(json.dumps({"tags": sorted(p.tags), "attrs": sorted(p.attrs), "text": "".join(p.text), "hrefs": p.hrefs}))
            """, stdin: html)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        let tags = Set(parsed["tags"] as? [String] ?? [])
        #expect(
            tags.isSubset(of: [
                "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "ul", "li", "strong", "hr",
                // The letter frame: letterhead, addressee, body, signature, register reference, kept ids, our e-mail link.
                "article", "header", "address", "main", "footer", "aside", "span", "br", "a",
            ]),
            "\(tags)")
        #expect(Set(parsed["attrs"] as? [String] ?? []).isSubset(of: ["lang", "charset", "name", "content", "class", "href"]))
        // The only link is our own e-mail address.
        #expect((parsed["hrefs"] as? [String] ?? []).allSatisfy { $0.hasPrefix("mailto:") && !$0.contains("<") })
        #expect((parsed["text"] as? String)?.contains("<script>alert(1)</script>") == true, "the markup is shown as text")
    }

    @Test(".eml: headers carry no injected lines, stay within limits, and parse without defects")
    func eml() throws {
        let (cli, id) = try Self.hostileIncident()
        defer { cli.remove() }
        let eml = try cli.ok(["notice", "export", id, "--customer", "acme", "--format", "eml"])
        let header = eml.components(separatedBy: "\r\n\r\n")[0]
        for line in header.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "header line too long: \(line)")
            #expect(!line.lowercased().hasPrefix("bcc"))
        }
        #expect(!eml.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF")
        #expect(try MailParser.header("From", eml).contains("security@processor.example"))
        #expect(try MailParser.plainBody(eml).contains("<script>alert(1)</script>"), "markup arrives as text in the plain part")
    }

    @Test("--force never opens what is not a plain file: a FIFO or a symbolic link in the way is refused at once (exit 73)")
    func forceOntoFIFO() throws {
        let (cli, id) = try NoticeFlowTests.world()
        defer { cli.remove() }
        try cli.ok(["notice", "draft", id, "--all"])
        let out = cli.folder + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        let fifo = out + "/\(id)-acme-gmbh-v1-initial.md"
        #expect(mkfifo(fifo, 0o600) == 0)
        let started = Date()
        let result = try cli.run(["notice", "export", id, "--all", "--format", "md", "--out", out, "--force"])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("is not a regular file"))
        #expect(Date().timeIntervalSince(started) < 30, "the export must not block on the FIFO")
        #expect(!FileManager.default.fileExists(atPath: out + "/\(id)-globex-v1-initial.md"), "all or nothing")
    }

    @Test("register, WAL, backups and exports are 0600 under umask 000 and 022", arguments: ["000", "022"])
    func permissions(umask: String) throws {
        let (cli, id) = try Self.hostileIncident()
        defer { cli.remove() }
        // Keep a connection open so the WAL and shared-memory files stay while another process writes.
        let reader = try DatabaseQueue(path: cli.registerPath)
        try reader.read { _ = try Int.fetchOne($0, sql: "SELECT count(*) FROM events") }
        #expect(try cli.run(["update", id, "--note", "while a reader holds the WAL"], shell: "umask \(umask)").status == 0)
        #expect(try cli.run(["backup", cli.folder + "/backup.sqlite"], shell: "umask \(umask)").status == 0)
        #expect(
            try cli.run(["notice", "export", id, "--all", "--format", "eml", "--out", cli.folder + "/out"], shell: "umask \(umask)").status
                == 0)
        #expect(try cli.run(["register", "--format", "csv", "--out", cli.folder + "/register.csv"], shell: "umask \(umask)").status == 0)
        let files = [
            cli.registerPath, cli.registerPath + "-wal", cli.registerPath + "-shm", cli.folder + "/backup.sqlite",
            cli.folder + "/out/\(id)-acme-v1-initial.eml", cli.folder + "/register.csv",
        ]
        for file in files {
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file) is \(String(mode ?? 0, radix: 8))")
        }
        let folder = try FileManager.default.attributesOfItem(atPath: cli.folder + "/out")[.posixPermissions] as? Int
        #expect(folder == 0o700)
        _ = reader
    }
}

enum Python {
    static func run(_ script: String, stdin: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 failed")
        return String(decoding: data, as: UTF8.self)
    }
}
