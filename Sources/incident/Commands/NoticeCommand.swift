import ArgumentParser
import IncidentCore
import IncidentNotices
import IncidentStore

struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Draft, export and track the customer notices of DPA §9.2/§9.3.",
        subcommands: [
            NoticeDraftCommand.self, NoticeApproveCommand.self, NoticeExportCommand.self, NoticeSentCommand.self,
            NoticeListCommand.self,
            NoticeCheckCommand.self, NoticeTemplatesCommand.self,
        ])
}
