import Foundation
import Testing

@Suite("End to end: a customer's details corrected as an event")
struct CustomerEditTests {
    @Test("a wrong address is corrected with customer edit; the next draft goes to the new address; verify stays clean")
    func correctedAddress() throws {
        let (cli, id) = try NoticeFlowTests.world()
        defer { cli.remove() }
        #expect(try cli.ok(["customer", "edit", "acme-gmbh", "--email", "privacy@acme.example"]) == "acme-gmbh: Acme GmbH edited")
        #expect(
            try cli.ok(["customer", "edit", "acme-gmbh", "--email", "privacy@acme.example"]).hasSuffix("unchanged (nothing new was given)"))
        try cli.ok(["notice", "draft", id, "--customer", "acme-gmbh"])
        let eml = try cli.ok(["notice", "export", id, "--customer", "acme-gmbh", "--format", "eml"])
        #expect(try MailParser.header("To", eml) == "privacy@acme.example")
        try cli.ok(["verify"])
        let timeline = try cli.ok(["customer", "list"])
        #expect(timeline.contains("privacy@acme.example"))
    }

    @Test(
        "an address ending in a line break, or a slug that does, is refused with one line and exit 65",
        arguments: [
            ["customer", "edit", "acme-gmbh", "--email", "privacy@acme.example\n"],
            ["customer", "edit", "acme-gmbh", "--email", "privacy@acme.example\u{2028}"],
            ["customer", "add", "acme\n", "--name", "Acme", "--email", "dpo@acme.example"],
            ["org", "set", "--email", "security@processor.example\r"],
        ])
    func wholeValues(arguments: [String]) throws {
        let (cli, _) = try NoticeFlowTests.world()
        defer { cli.remove() }
        let before = cli.registerBytes()
        let result = try cli.run(arguments)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(cli.registerBytes() == before)
    }
}
