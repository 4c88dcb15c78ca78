import ArgumentParser
import IncidentCore
import IncidentStore

struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Print the register's head (event count and hash) to keep somewhere else.",
        discussion: """
            A chain kept only inside the file cannot show that someone rewrote the whole
            file. Keep this line outside it (a ticket, an e-mail, another system) and
            check later with `incident verify --checkpoint`.

            Example:
              incident checkpoint >> ~/incident-witness.log
            """)

    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let head = try register.open(create: false).head()
        if output.json { return try Output.json(head) }
        Output.print(head.description)
    }
}
