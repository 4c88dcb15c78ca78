import ArgumentParser
import Foundation
import IncidentCore
import IncidentNotices
import IncidentStore

struct NoticeTemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with notice templates.",
        subcommands: [NoticeTemplatesCheck.self])
}

struct NoticeTemplatesCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a template folder (or the shipped templates) before using it.",
        discussion: """
            Every file is parsed and every field name checked; each kind is rendered
            from a sample notice. A problem is reported with its file and line
            (exit 78).

            Example:
              incident notice templates check ./our-templates
            """)

    @Argument(help: "Folder with language subfolders (en/, de/, ...); omit to check the shipped set.") var folder: String?

    func run() throws {
        for (language, checked) in try NoticeRenderer.checkAll(folder: folder) {
            Output.print("ok \(language): " + checked.joined(separator: ", "))
        }
    }
}
