import ArgumentParser
import IncidentCore
import IncidentStore

struct SubprocessorList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List subprocessors.",
        discussion: "Example:\n  incident subprocessor list --json")

    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let subprocessors = try register.open(create: false).directory().subprocessors.values.sorted { $0.slug < $1.slug }
        if output.json { return try Output.json(subprocessors) }
        Output.print(
            Terminal.current.table(
                ["SLUG", "NAME", "SERVICES", "REGIONS", "NOTIFY HOURS"],
                subprocessors.map {
                    [
                        $0.slug, $0.name, $0.services.joined(separator: ", "),
                        $0.regions.isEmpty ? "none" : $0.regions.joined(separator: ", "),
                        $0.notifyHours.map(String.init) ?? "not agreed",
                    ]
                }))
    }
}
