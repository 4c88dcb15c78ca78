import ArgumentParser
import IncidentCore

struct SubprocessorEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Correct a subprocessor's details; options not given keep their value.",
        discussion: """
            --service and --region each replace the whole list. Incidents already
            logged keep the notice hours they were logged with.

            Example:
              incident subprocessor edit twilio --region eu --region us \\
                --notify-hours 48
            """)

    @Argument(help: "The subprocessor's slug.", completion: .subprocessorSlugs) var slug: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @Option(parsing: .unconditional, help: "Its public name.") var name: String?
    @Option(name: .customLong("service"), help: ArgumentHelp("What it does for us (repeat; replaces the list).", valueName: "service"))
    var services: [String] = []
    @Option(name: .customLong("region"), help: ArgumentHelp("Where it does it (repeat; replaces the list).", valueName: "region"))
    var regions: [String] = []
    @Flag(name: .customLong("no-regions"), help: "It serves no region any more.") var noRegions = false
    @Option(name: .customLong("notify-hours"), help: "Hours it has to tell us of an incident.") var notifyHours: Int?
    @Flag(name: .customLong("no-notify-hours"), help: "No notice hours are agreed with it.") var noNotifyHours = false

    func validate() throws {
        if notifyHours != nil && noNotifyHours { throw ValidationError("give --notify-hours N or --no-notify-hours, not both") }
        if !regions.isEmpty && noRegions { throw ValidationError("give --region or --no-regions, not both") }
    }

    func run() throws {
        let slug = try Slug.parse(slug, field: .subprocessorSlug)
        var changes = SubprocessorChanges()
        changes.name = try name.map { try TextRules.line($0, field: .subprocessorName) }
        changes.services = services.isEmpty ? nil : try ScopeTerm.parseAll(services, field: .service)
        changes.regions = noRegions ? [] : regions.isEmpty ? nil : try ScopeTerm.parseAll(regions, field: .region)
        if let notifyHours { changes.notifyHours = .some(try NoticeHours.parse(notifyHours, field: .notifyHours)) }
        if noNotifyHours { changes.notifyHours = .some(nil) }
        let context = try writer.context()
        var edited = false
        let directory = try register.open(create: false).recordDirectory { directory in
            let events = try Workflow.editSubprocessor(directory, slug: slug, changes, context: context)
            edited = !events.isEmpty
            return events
        }
        Output.print("\(slug): \(directory.subprocessors[slug]?.name ?? slug) " + (edited ? "edited" : "unchanged (nothing new was given)"))
    }
}
