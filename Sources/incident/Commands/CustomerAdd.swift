import ArgumentParser
import Foundation
import IncidentCore
import IncidentStore

struct CustomerAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a customer.",
        discussion: """
            Example:
              incident customer add acme-gmbh --name "Acme GmbH" \\
                --email dpo@acme.example --email security@acme.example \\
                --language de --timezone Europe/Berlin --notice-hours 24 \\
                --region eu --service voip --service chat

            --region and --service say which subprocessors' incidents reach it
            (see `incident subprocessor`).
            """)

    @Argument(help: "Short stable name, e.g. acme-gmbh.") var slug: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @Option(parsing: .unconditional, help: "The customer's name as it appears on notices.") var name: String
    @Option(name: .customLong("email"), help: "Where its notices go (repeat).") var emails: [String] = []
    @Option(help: "Language of its notices.") var language = "en"
    @Option(help: "IANA time zone its notices show times in.") var timezone = "UTC"
    @Option(name: .customLong("notice-hours"), help: "Hours from our awareness to its deadline, if its contract differs from ours.")
    var noticeHours: Int?
    @Option(name: .customLong("region"), help: ArgumentHelp("Where its data is kept, e.g. eu (repeat).", valueName: "region"))
    var regions: [String] = []
    @Option(name: .customLong("service"), help: ArgumentHelp("A service of ours it uses, e.g. voip (repeat).", valueName: "service"))
    var services: [String] = []

    func run() throws {
        let customer = try CustomerInput.customer(
            slug: slug, name: name, emails: emails, language: language,
            timezone: timezone, noticeHours: noticeHours, regions: regions, services: services, row: nil)
        let context = try writer.context()
        _ = try register.open(create: true).recordDirectory { try Workflow.addCustomers($0, [(customer, .customerSlug)], context: context) }
        Output.print(customer.slug)
    }
}
