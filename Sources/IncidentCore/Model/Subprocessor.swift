/// A third party that processes our customers' data for us, and so where an incident can start.
///
/// It reaches a customer when the customer uses one of its services in one of its regions: the register
/// keeps the two lists apart and matches their product (see `Workflow.reach`).
public struct Subprocessor: Codable, Equatable, Sendable {
    public var slug: String
    /// Its public name, as our published subprocessor list gives it (e.g. `Twilio, Inc.`).
    public var name: String
    /// What it does for us (`voip`, `hosting`, `support`): scope terms, at least one.
    public var services: [String]
    /// Where it does it (`eu`, `us`): scope terms; none means it reaches no customer by region.
    public var regions: [String]
    /// Hours from its awareness to its notice to us, as our contract with it says; nil when not agreed.
    public var notifyHours: Int?

    public init(slug: String, name: String, services: [String], regions: [String] = [], notifyHours: Int? = nil) {
        self.slug = slug
        self.name = name
        self.services = services
        self.regions = regions
        self.notifyHours = notifyHours
    }

    /// Checks every field.
    public static func validated(
        slug: String, name: String, services: [String], regions: [String], notifyHours: Int?
    ) throws -> Subprocessor {
        let services = try ScopeTerm.parseAll(services, field: .service)
        guard !services.isEmpty else { throw InputError(field: .service, problem: "give at least one service it provides, e.g. hosting") }
        return Subprocessor(
            slug: try Slug.parse(slug, field: .subprocessorSlug), name: try TextRules.line(name, field: .subprocessorName),
            services: services, regions: try ScopeTerm.parseAll(regions, field: .region),
            notifyHours: try notifyHours.map { try NoticeHours.parse($0, field: .notifyHours) })
    }
}
