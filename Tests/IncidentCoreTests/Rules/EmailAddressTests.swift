import Testing

@testable import IncidentCore

@Suite("One e-mail address rule")
struct EmailAddressTests {
    @Test("plain addresses are accepted", arguments: ["dpo@acme.example", "first.last+tag@sub.example.co.uk", "a@b.cd"])
    func accepted(address: String) throws {
        #expect(try EmailAddress.parse(address, field: .customerEmail) == address)
    }

    @Test(
        "anything a mail header cannot carry safely is refused",
        arguments: [
            "a..b@example.com", ".a@example.com", "a.@example.com", "a@example", "a@-example.com", "a@example.com\n",
            "a@example.com\r", "a@example.com\u{2028}", "Name <a@example.com>", "a@example.com, b@example.com", "\"a\"@example.com",
            "a b@example.com", "a@exa_mple.com", "@example.com", "a@", "",
        ])
    func refused(address: String) {
        let error = #expect(throws: InputError.self) { _ = try EmailAddress.parse(address, field: .customerEmail) }
        #expect(error?.field == .customerEmail)
    }
}
