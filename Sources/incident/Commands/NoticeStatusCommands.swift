import Foundation
import ArgumentParser
import IncidentCore
import IncidentNotices
import IncidentStore

struct NoticeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Per customer: notice versions, kinds, drafted and sent, due by, and whether overdue.",
        discussion: """
            A first notice's on-time verdict is fixed when it is marked sent; if the
            awareness time was corrected later, the deadline as it stands now is shown
            beside it.

            Example:
              incident notice list INC-2026-0001
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: OutputOptions

    struct Version: Encodable { var version: Int; var kind: NoticeKind; var draftedAt: Timestamp; var sentAt: Timestamp?; var sentVia: String? }
    struct Entry: Encodable {
        var customer: String
        var dueBy: Timestamp
        var overdue: Bool
        var ruledOut: RuledOut?
        var firstSent: SentRecord?
        var versions: [Version]
    }

    func run() throws {
        let id = try IncidentID.parse(id)
        let store = try register.open(create: false)
        let incident = try store.incident(id)
        let now = WriterOptions.now()
        var versions: [String: [Version]] = [:]
        for n in try store.noticeVersions(id) {
            versions[n.customer, default: []].append(Version(version: n.version, kind: n.kind, draftedAt: n.draftedAt, sentAt: n.sentAt, sentVia: n.sentVia))
        }
        let entries = incident.shares.map { share in
            Entry(customer: share.customer, dueBy: share.dueBy(awareAt: incident.awareAt),
                  overdue: share.isOverdue(awareAt: incident.awareAt, now: now), ruledOut: share.ruledOut,
                  firstSent: share.firstSent, versions: versions[share.customer] ?? [])
        }
        if output.json { return try Output.json(entries) }
        let terminal = Terminal.current
        Output.print(terminal.table(["CUSTOMER", "DUE BY", "STATUS", "VERSIONS", "LAST DRAFTED", "FIRST SENT"], entries.map { e in
            let status = e.ruledOut.map { "ruled out: \($0.reason)" } ?? (e.overdue ? "OVERDUE" : e.firstSent == nil ? "awaiting notice" : "notified")
            let sent = e.firstSent.map { first in
                "v\(first.version) \(first.at) " + (first.onTime ? "on time" : "late") + (first.dueBy != e.dueBy ? " (due then \(first.dueBy))" : "")
            } ?? "-"
            return [e.customer, e.dueBy.iso8601, status, e.versions.map { "v\($0.version) \($0.kind)\($0.sentAt == nil ? "" : " sent")" }.joined(separator: ", "),
                    e.versions.last?.draftedAt.iso8601 ?? "-", sent]
        }) { column, cell in column == 2 && cell.hasPrefix("OVERDUE") ? terminal.red(terminal.bold(cell)) : cell })
    }
}

struct NoticeCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Which of the seven §9.2 items a notice to each customer could not yet state.",
        discussion: """
            Exits 0 either way: an unknown item is stated in the notice as still under
            investigation.

            Example:
              incident notice check INC-2026-0001
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: OutputOptions

    struct Entry: Encodable { var customer: String; var unknown: [String] }

    func run() throws {
        let id = try IncidentID.parse(id)
        let store = try register.open(create: false)
        let incident = try store.incident(id)
        let directory = try store.directory()
        let entries = Workflow.unknownNoticeItems(incident, directory: directory).map { Entry(customer: $0.customer, unknown: $0.unknown) }
        if output.json { return try Output.json(entries) }
        if entries.isEmpty { return Output.print("\(id): no customer is marked affected") }
        Output.print(Terminal.current.table(["CUSTOMER", "STILL UNKNOWN"], entries.map {
            [$0.customer, $0.unknown.isEmpty ? "all seven items known" : $0.unknown.joined(separator: ", ")]
        }))
    }
}

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
