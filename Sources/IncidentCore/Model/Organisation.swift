/// Our own details: the §9.2 contact item, and the defaults for deadlines and updates.
public struct Organisation: Codable, Equatable, Sendable {
    public var name: String
    public var email: String
    public var phone: String?
    public var address: String?
    public var dpoEmail: String?
    /// Default hours from awareness to a customer's notice deadline.
    public var noticeHours: Int
    /// Hours between updates that a notice promises.
    public var updateHours: Int
    /// A folder of templates that override the shipped ones.
    public var templates: String?
    /// Whether notices name the subprocessor where an incident started. Nil (never set) names it, as notices
    /// did before the choice existed; false says only "at one of our subprocessors".
    public var nameSubprocessors: Bool?

    /// True unless we chose not to name subprocessors in notices.
    public var namesSubprocessors: Bool { nameSubprocessors ?? true }

    public static let defaultNoticeHours = 48
    public static let defaultUpdateHours = 24

    public init(
        name: String, email: String, phone: String? = nil, address: String? = nil, dpoEmail: String? = nil,
        noticeHours: Int = defaultNoticeHours, updateHours: Int = defaultUpdateHours, templates: String? = nil
    ) {
        self.name = name
        self.email = email
        self.phone = phone
        self.address = address
        self.dpoEmail = dpoEmail
        self.noticeHours = noticeHours
        self.updateHours = updateHours
        self.templates = templates
    }
}
