import ArgumentParser
import Foundation
import IncidentCore
import IncidentNotices
import IncidentStore

struct OrgShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show our details.",
        discussion: "Example:\n  incident org show")
    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let organisation = try register.open(create: false).directory().organisation else {
            throw CommandError.organisationNotSet
        }
        if output.json { return try Output.json(organisation) }
        Output.print(
            Terminal.current.table(
                ["FIELD", "VALUE"],
                [
                    ["name", organisation.name], ["email", organisation.email], ["phone", organisation.phone ?? ""],
                    ["address", organisation.address ?? ""], ["dpo-email", organisation.dpoEmail ?? ""],
                    ["notice-hours", String(organisation.noticeHours)], ["update-hours", String(organisation.updateHours)],
                    ["templates", organisation.templates ?? "(shipped)"],
                    ["name-subprocessors", organisation.namesSubprocessors ? "yes" : "no"],
                ]))
    }
}
