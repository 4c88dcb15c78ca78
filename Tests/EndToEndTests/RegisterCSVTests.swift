import Foundation
import Testing

/// The register as an auditor takes it: the CSV read back by Python's `csv` module, and the manifest beside it
/// checked against the file's SHA-256 and the register's checkpoint.
@Suite("End to end: the register for auditors")
struct RegisterCSVTests {
    @Test("CSV: one row per incident and customer, labels beside slugs, lateness in minutes and words, a manifest")
    func auditorCSV() throws {
        // Pinned two days after awareness: Acme's 24-hour deadline and Globex's 48-hour one have both passed.
        let (cli, id) = try NoticeFlowTests.world(clock: "2026-11-25T12:00:00Z")
        defer { cli.remove() }
        try cli.ok(["notice", "draft", id, "--customer", "acme-gmbh"])
        try cli.ok(["notice", "sent", id, "--customer", "acme-gmbh", "--via", "email to dpo@acme.example"])
        let title = "=SUM(1) \"Quoted\", with a comma"
        try cli.ok(["log", "--title", title, "--nature", "First line,\nsecond \"line\"", "--aware-at", "2026-11-24T09:00:00Z"])
        let out = cli.folder + "/register.csv"
        try cli.ok(["register", "--format", "csv", "--out", out])
        let rows = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    try Python.run(
                        """
                        import csv, json
                        with open('\(out)', newline='', encoding='utf-8') as f:
                            print(json.dumps(list(csv.DictReader(f))))
                        """, stdin: ""
                    ).utf8)) as? [[String: String]])
        try #require(rows.count == 3)
        let (acme, globex, bare) = (rows[0], rows[1], rows[2])
        #expect(acme["id"] == id)
        #expect(acme["customer"] == "acme-gmbh")
        #expect(acme["customer_name"] == "Acme GmbH")
        #expect(acme["data_category_labels"] == "Chat transcripts")
        #expect(acme["customer_data_category_labels"] == "Chat transcripts")
        #expect(acme["due_by"] == "2026-11-24T08:00:00Z")
        #expect(acme["status"] == "notified")
        #expect(acme["first_notice_sent_at"] == "2026-11-25T12:00:00Z")
        #expect(acme["on_time"] == "no")
        #expect(acme["minutes_late"] == "1680")
        #expect(acme["timeliness"] == "late by 28 h")
        #expect(acme["notices_sent"] == "2026-11-25T12:00:00Z v1 initial via email to dpo@acme.example")
        #expect(globex["customer_name"] == "Globex Corporation")
        #expect(globex["status"] == "overdue")
        #expect(globex["minutes_late"] == "240")
        #expect(globex["timeliness"] == "overdue by 4 h, no notice sent")
        #expect(globex["customer_subject_category_labels"] == "Support contacts")
        // An incident no customer was marked affected by keeps its row; a formula start is neutralised.
        #expect(bare["title"] == "'" + title)
        #expect(bare["nature"] == "First line,\nsecond \"line\"")
        #expect(bare["customer"] == "")
        #expect(bare["status"] == "")
        // What each customer is owed next, by `incident due`'s rule: Acme its promised update, Globex its first notice.
        #expect(acme["next_notice_owed"] == "update")
        #expect(acme["next_notice_left"]?.hasSuffix(" left") == true)
        #expect(globex["next_notice_owed"] == "first-notice")
        #expect(globex["next_notice_due_by"] == globex["due_by"])
        #expect(globex["next_notice_left"] == "LATE 4h 0m")
        #expect(bare["next_notice_owed"] == "")
        // A week on, Acme was told once but its promised update is late: the status column still says it was
        // notified, and the next-notice columns say what is missing.
        let later = try cli.run(["register", "--format", "csv"], environment: ["INCIDENT_CLOCK": "2026-12-02T12:00:00Z"])
        #expect(later.status == 0)
        let laterRows = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    try Python.run(
                        "import csv, json, sys; print(json.dumps(list(csv.DictReader(sys.stdin))))", stdin: later.stdout
                    ).utf8)) as? [[String: String]])
        let acmeLater = try #require(laterRows.first { $0["customer"] == "acme-gmbh" })
        #expect(acmeLater["status"] == "notified")
        #expect(acmeLater["next_notice_owed"] == "update")
        #expect(acmeLater["next_notice_due_by"] == acme["next_notice_due_by"])
        #expect(acmeLater["next_notice_left"]?.hasPrefix("LATE ") == true)

        let manifest = try String(contentsOfFile: out + ".manifest.txt", encoding: .utf8)
        let sha = try Python.run("import hashlib; print(hashlib.sha256(open('\(out)', 'rb').read()).hexdigest())", stdin: "")
        #expect(manifest.contains("sha256: " + sha.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(manifest.contains("register-checkpoint: " + (try cli.ok(["checkpoint"]))))
        #expect(manifest.contains("generated-at: 2026-11-25T12:00:00Z"))
        let mode = try FileManager.default.attributesOfItem(atPath: out + ".manifest.txt")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // Both files are checked before either is written: an existing manifest stops the export.
        try FileManager.default.removeItem(atPath: out)
        let refused = try cli.run(["register", "--format", "csv", "--out", out])
        #expect(refused.status == 73)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try cli.run(["register", "--format", "csv", "--out", out, "--force"]).status == 0)
    }
}
