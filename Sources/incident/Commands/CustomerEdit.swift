import ArgumentParser
import IncidentCore

struct CustomerEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Correct a customer's details; options not given keep their value.",
        discussion: """
            The correction is an event on the register, like everything else. Notices
            already drafted keep the addresses they were drafted with: draft again to
            send to a corrected address. Shares already marked keep their deadline.

            Example:
              incident customer edit acme-gmbh --email dpo@acme.example \\
                --email privacy@acme.example
            """)

    @Argument(help: "The customer's slug.", completion: .customerSlugs) var slug: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @Option(parsing: .unconditional, help: "The customer's name as it appears on notices.") var name: String?
    @Option(name: .customLong("email"), help: "Where its notices go (repeat; replaces the addresses).") var emails: [String] = []
    @Option(help: "Language of its notices.") var language: String?
    @Option(help: "IANA time zone its notices show times in.") var timezone: String?
    @Option(name: .customLong("notice-hours"), help: "Hours from our awareness to its deadline, for incidents marked from now on.")
    var noticeHours: Int?
    @Option(name: .customLong("region"), help: ArgumentHelp("Where its data is kept (repeat; replaces the list).", valueName: "region"))
    var regions: [String] = []
    @Option(
        name: .customLong("service"), help: ArgumentHelp("A service of ours it uses (repeat; replaces the list).", valueName: "service"))
    var services: [String] = []
    @Flag(name: .customLong("default-notice-hours"), help: "Use our default notice hours from now on.") var defaultNoticeHours = false

    func validate() throws {
        if noticeHours != nil && defaultNoticeHours { throw ValidationError("give --notice-hours N or --default-notice-hours, not both") }
    }

    func run() throws {
        let slug = try Slug.parse(slug, field: .customerSlug)
        var changes = CustomerChanges()
        changes.name = try name.map { try TextRules.line($0, field: .customerName) }
        changes.emails = emails.isEmpty ? nil : try emails.map { try EmailAddress.parse($0, field: .customerEmail) }
        changes.language = try language.map { try LanguageTag.parse($0, field: .language) }
        changes.timeZone = try timezone.map(CustomerInput.timeZone)
        if let noticeHours { changes.noticeHours = .some(try NoticeHours.parse(noticeHours, field: .noticeHours)) }
        if defaultNoticeHours { changes.noticeHours = .some(nil) }
        changes.regions = regions.isEmpty ? nil : try ScopeTerm.parseAll(regions, field: .region)
        changes.services = services.isEmpty ? nil : try ScopeTerm.parseAll(services, field: .service)
        let context = try writer.context()
        var edited = false
        let directory = try register.open(create: false).recordDirectory { directory in
            let events = try Workflow.editCustomer(directory, slug: slug, changes, context: context)
            edited = !events.isEmpty
            return events
        }
        Output.print("\(slug): \(directory.customers[slug]?.name ?? slug) " + (edited ? "edited" : "unchanged (nothing new was given)"))
    }
}
