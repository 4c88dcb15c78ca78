/// What a piece of input is, in the register's own words. The CLI maps each field to the option that
/// supplies it (`awareAt` is `--aware-at`), so the core never names a flag.
public struct Field: Hashable, Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }

    public var description: String { name }

    /// A row of a file, such as `affected.csv:3`: reported as it is.
    public static func row(_ file: String, line: Int) -> Field { Field("\(file):\(line)") }
}

extension Field {
    public static let incident: Field = "incident id"
    public static let title: Field = "title"
    public static let nature: Field = "nature"
    public static let severity: Field = "severity"
    public static let awareAt: Field = "awareness time"
    public static let occurredFrom: Field = "start of the window"
    public static let occurredTo: Field = "end of the window"
    public static let detectedAt: Field = "detection time"
    public static let at: Field = "time of the step"
    public static let source: Field = "source"
    public static let system: Field = "system"
    public static let region: Field = "region"
    public static let dataCategory: Field = "data category"
    public static let subjectCategory: Field = "subject category"
    public static let records: Field = "records"
    public static let subjects: Field = "subjects"
    public static let consequence: Field = "consequence"
    public static let breachType: Field = "breach type"
    public static let periodStart: Field = "start of the period"
    public static let periodEnd: Field = "end of the period"
    public static let note: Field = "note"
    public static let action: Field = "action"
    public static let actionKind: Field = "action kind"
    public static let update: Field = "update"
    public static let phase: Field = "phase"
    public static let summary: Field = "summary"
    public static let reason: Field = "reason"
    public static let actor: Field = "actor"
    public static let customer: Field = "customer"
    public static let customerSlug: Field = "customer slug"
    public static let customerName: Field = "customer name"
    public static let customerEmail: Field = "customer e-mail"
    public static let language: Field = "language"
    public static let timeZone: Field = "time zone"
    public static let noticeHours: Field = "notice hours"
    public static let updateHours: Field = "update hours"
    public static let organisation: Field = "organisation"
    public static let organisationName: Field = "organisation name"
    public static let organisationEmail: Field = "organisation e-mail"
    public static let dpoEmail: Field = "DPO e-mail"
    public static let phone: Field = "phone"
    public static let address: Field = "address"
    public static let templates: Field = "template folder"
    public static let noticeKind: Field = "notice kind"
    public static let noticeVersion: Field = "notice version"
    public static let noticeFormat: Field = "notice format"
    public static let sentVia: Field = "sending channel"
    public static let checkpoint: Field = "checkpoint"
    public static let customerChoice: Field = "customers"
    public static let mailFrom: Field = "From"
    public static let mailTo: Field = "To"
    public static let messageID: Field = "Message-ID"
}
