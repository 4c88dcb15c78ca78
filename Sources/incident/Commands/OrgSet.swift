import ArgumentParser
import Foundation
import IncidentCore
import IncidentNotices
import IncidentStore

struct OrgSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set our details; options not given keep their current value.",
        discussion: """
            Example:
              incident org set --name "Example Processor Ltd" \\
                --email security@processor.example --phone "+44 20 7946 0000" \\
                --dpo-email dpo@processor.example --notice-hours 48

            Notices about an incident that started at a subprocessor name it unless
            --no-name-subprocessors is set; they then say only that it started at
            one of our subprocessors.
            """)

    @OptionGroup var register: RegisterOptions
    @OptionGroup var writer: WriterOptions
    @Option(parsing: .unconditional, help: "Our name on notices.") var name: String?
    @Option(help: "Where customers reach our incident team.") var email: String?
    @Option(parsing: .unconditional) var phone: String?
    @Option(parsing: .unconditional) var address: String?
    @Option(name: .customLong("dpo-email"), help: "Our data protection officer.") var dpoEmail: String?
    @Option(name: .customLong("notice-hours"), help: "Default hours from awareness to a customer's deadline (48 unless set).")
    var noticeHours: Int?
    @Option(name: .customLong("update-hours"), help: "Hours within which a notice promises the next update (24 unless set).")
    var updateHours: Int?
    @Option(help: "A folder of templates that override the shipped ones.") var templates: String?
    @Flag(
        inversion: .prefixedNo, exclusivity: .exclusive,
        help: "Whether notices name the subprocessor where an incident started (named unless set).")
    var nameSubprocessors: Bool?

    func run() throws {
        let context = try writer.context()
        var changes = OrganisationChanges()
        changes.name = try name.map { try TextRules.line($0, field: .organisationName) }
        changes.email = try email.map { try EmailAddress.parse($0, field: .organisationEmail) }
        changes.phone = try phone.map { try TextRules.line($0, field: .phone, maxLength: 40) }
        changes.address = try address.map { try TextRules.line($0, field: .address, maxLength: 300) }
        changes.dpoEmail = try dpoEmail.map { try EmailAddress.parse($0, field: .dpoEmail) }
        changes.noticeHours = try noticeHours.map { try NoticeHours.parse($0, field: .noticeHours) }
        changes.updateHours = try updateHours.map { try NoticeHours.parse($0, field: .updateHours) }
        // Stored absolute, so `notice draft` finds the folder from wherever it is run; checked before it is kept.
        changes.nameSubprocessors = nameSubprocessors
        changes.templates = templates.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        if let folder = changes.templates { _ = try NoticeRenderer.checkAll(folder: folder) }
        let directory = try register.open(create: true).recordDirectory { try Workflow.setOrganisation($0, changes, context: context) }
        Output.print("organisation: \(directory.organisation?.name ?? "")")
    }
}
