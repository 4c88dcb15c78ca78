import ArgumentParser
import Foundation
import IncidentCore
import IncidentNotices
import IncidentStore

struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Our own details: the contact item of every notice, and the defaults for deadlines.",
        subcommands: [OrgSet.self, OrgShow.self])
}
