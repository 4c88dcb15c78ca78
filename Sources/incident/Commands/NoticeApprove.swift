import ArgumentParser
import IncidentCore
import IncidentNotices
import IncidentStore

struct NoticeApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a drafted notice version for sending (four-eyes).",
        discussion: """
            The approver is --by (or INCIDENT_ACTOR, or the login name) and must not be
            the person who drafted the version. Only the latest version not yet sent
            can be approved, once. With `org set --require-approval`, `notice sent`
            refuses a version without an approval.

            Example:
              incident notice approve INC-2026-0001 --customer acme-gmbh \\
                --by priya.counsel
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @Option(help: "Customer slug.", completion: .customerSlugs) var customer: String
    @Option(help: "Version approved (default: the latest drafted).") var version: Int?

    func run() throws {
        let id = try IncidentID.parse(id)
        let context = try writer.context()
        let slug = try Slug.parse(customer, field: .customer)
        let store = try register.open(create: false)
        // Who drafted a version never changes once it is drafted, so it can be read before the write.
        let current = try store.incident(id)
        let chosen = version ?? current.share(of: slug)?.draftedVersions ?? 0
        var drafter: String?
        if chosen >= 1 {
            try store.forEachNotice(id, customer: slug, version: chosen, latestOnly: false) { drafter = $0.drafted?.by }
        }
        // Without its drafter, four-eyes could not be checked (the version may be drafted meanwhile). Version 0
        // (nothing drafted yet) is refused by the core whatever the drafter.
        if chosen >= 1 && drafter == nil {
            throw InputError(field: .noticeVersion, problem: "\(slug) has no drafted version \(chosen) of its notice on \(id)")
        }
        let incident = try store.record(id) {
            try Workflow.approve($0, customer: slug, version: chosen, draftedBy: drafter ?? "", context: context)
        }
        let approval = incident.share(of: slug)?.approval(of: chosen)
        Output.print(
            "\(WriteReceipt.incident(incident)): notice v\(chosen) for \(slug) approved by \(approval?.by ?? context.actor)")
    }
}
