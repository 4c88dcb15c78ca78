/// Corrections to a customer's details; a field left nil keeps its value. The slug never changes.
public struct CustomerChanges: Equatable, Sendable {
    public var name: String?
    public var emails: [String]?
    public var language: String?
    public var timeZone: String?
    /// `.some(nil)` goes back to the organisation's default notice hours.
    public var noticeHours: Int??
    /// The regions and services as they now stand (each replaces the list); nil keeps it.
    public var regions: [String]?
    public var services: [String]?

    public init() {}
}

extension Workflow {
    /// The event that corrects a customer's details, or none when nothing would change.
    ///
    /// Shares already marked keep the deadline hours they were given, and drafted notices keep the addresses
    /// they were drafted with: a corrected address reaches a notice when it is drafted again.
    public static func editCustomer(
        _ directory: Directory, slug: String, _ changes: CustomerChanges,
        context: Context
    ) throws -> [DirectoryEvent] {
        guard let current = directory.customers[slug] else {
            throw InputError(field: .customerSlug, problem: "\(slug) is not a customer", next: .listCustomers)
        }
        var next = current
        next.name = changes.name ?? current.name
        next.emails = changes.emails ?? current.emails
        next.language = changes.language ?? current.language
        next.timeZone = changes.timeZone ?? current.timeZone
        if let hours = changes.noticeHours { next.noticeHours = hours }
        next.regions = changes.regions ?? current.regions
        next.services = changes.services ?? current.services
        guard !next.emails.isEmpty else { throw InputError(field: .customerEmail, problem: "give at least one address for notices") }
        if next == current { return [] }
        return [DirectoryEvent(payload: .customerEdited(next), actor: context.actor, recordedAt: context.now)]
    }
}
