import ArgumentParser
import IncidentCore
import IncidentStore

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the register while others keep writing; verified, synced, 0600.",
        discussion: """
            Never replaces an existing file.

            Example:
              incident backup /srv/backups/register-$(date +%F).sqlite
            """)

    @Argument(help: "Where to write the copy (must not exist).") var path: String
    @OptionGroup var register: RegisterOptions

    func run() throws {
        let head = try register.open(create: false).backup(to: path)
        Output.print("backup written and verified: \(path) (checkpoint \(head))")
    }
}
