import ArgumentParser
import Foundation
import IncidentCore
import IncidentNotices
import IncidentStore

struct NoticeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Per customer: notice versions, kinds, drafted and sent, due by, and whether overdue.",
        discussion: """
            Each version shows who drafted it, who approved it (`notice approve`) and
            whether it was sent. A first notice's on-time verdict is fixed when it is
            marked sent; if the awareness time was corrected later, the deadline as it
            stands now is shown beside it.

            Example:
              incident notice list INC-2026-0001
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: OutputOptions

    struct Version: Encodable {
        var version: Int
        var kind: NoticeKind
        var draftedAt: Timestamp
        var draftedBy: String
        var approvedAt: Timestamp?
        var approvedBy: String?
        var sentAt: Timestamp?
        var sentVia: String?
    }
    struct Entry: Encodable {
        var customer: String
        var dueBy: Timestamp
        var overdue: Bool
        var ruledOut: RuledOut?
        var firstSent: SentRecord?
        var versions: [Version]
    }

    /// `v2 update by dana, approved by priya, sent`: who did what to one version, for the table.
    static func describe(_ v: Version) -> String {
        "v\(v.version) \(v.kind) by \(v.draftedBy)" + (v.approvedBy.map { ", approved by \($0)" } ?? "")
            + (v.sentAt == nil ? "" : ", sent")
    }

    func run() throws {
        let id = try IncidentID.parse(id)
        let store = try register.open(create: false)
        let incident = try store.incident(id)
        let now = WriterOptions.now()
        var versions: [String: [Version]] = [:]
        for n in try store.noticeVersions(id) {
            let approval = incident.share(of: n.customer)?.approval(of: n.version)
            versions[n.customer, default: []].append(
                Version(
                    version: n.version, kind: n.kind, draftedAt: n.draftedAt, draftedBy: n.draftedBy, approvedAt: approval?.at,
                    approvedBy: approval?.by, sentAt: n.sentAt, sentVia: n.sentVia))
        }
        let entries = incident.shares.map { share in
            Entry(
                customer: share.customer, dueBy: share.dueBy(awareAt: incident.awareAt),
                overdue: share.isOverdue(awareAt: incident.awareAt, now: now), ruledOut: share.ruledOut,
                firstSent: share.firstSent, versions: versions[share.customer] ?? [])
        }
        if output.json { return try Output.json(entries) }
        let terminal = Terminal.current
        Output.print(
            terminal.table(
                ["CUSTOMER", "DUE BY", "STATUS", "VERSIONS", "LAST DRAFTED", "FIRST SENT"],
                entries.map { e in
                    let status =
                        e.ruledOut.map { "ruled out: \($0.reason)" }
                        ?? (e.overdue ? "OVERDUE" : e.firstSent == nil ? "awaiting notice" : "notified")
                    let sent =
                        e.firstSent.map { first in
                            "v\(first.version) \(first.at) " + (first.onTime ? "on time" : "late")
                                + (first.dueBy != e.dueBy ? " (due then \(first.dueBy))" : "")
                        } ?? "-"
                    return [
                        e.customer, e.dueBy.iso8601, status,
                        e.versions.map(Self.describe).joined(separator: ", "),
                        e.versions.last?.draftedAt.iso8601 ?? "-", sent,
                    ]
                }
            ) { column, cell in column == 2 && cell.hasPrefix("OVERDUE") ? terminal.red(terminal.bold(cell)) : cell })
    }
}
