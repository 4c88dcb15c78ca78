import ArgumentParser
import IncidentCore
import IncidentStore

struct SubprocessorAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a subprocessor.",
        discussion: """
            --notify-hours is how soon it must tell us of an incident under our
            contract with it; `show` then says whether it did.

            Example:
              incident subprocessor add twilio --name "Twilio, Inc." \\
                --service voip --region eu --region us --notify-hours 24
            """)

    @Argument(help: "Short stable name, e.g. twilio.") var slug: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @Option(parsing: .unconditional, help: "Its public name, as our subprocessor list gives it.") var name: String
    @Option(name: .customLong("service"), help: ArgumentHelp("What it does for us, e.g. hosting (repeat).", valueName: "service"))
    var services: [String] = []
    @Option(name: .customLong("region"), help: ArgumentHelp("Where it does it, e.g. eu (repeat).", valueName: "region"))
    var regions: [String] = []
    @Option(name: .customLong("notify-hours"), help: "Hours it has to tell us of an incident, by our contract with it.")
    var notifyHours: Int?

    func run() throws {
        let subprocessor = try Subprocessor.validated(
            slug: slug, name: name, services: services, regions: regions, notifyHours: notifyHours)
        let context = try writer.context()
        _ = try register.open(create: true).recordDirectory {
            try Workflow.addSubprocessors($0, [(subprocessor, .subprocessorSlug)], context: context)
        }
        Output.print(subprocessor.slug)
    }
}
