/// Facts a responder typed for `log` or `update`, each checked against the text rules and the vocabulary.
public struct ProposedFacts: Equatable, Sendable {
    public var systems: [String] = []
    public var regions: [String] = []
    public var dataCategories: [String] = []
    public var subjectCategories: [String] = []
    public var consequences: [String] = []
    public var records: Int?
    public var subjects: Int?

    public init() {}

    /// Checks raw text (counts as people type them: 12000 or 12,000); the first value that breaks a rule is
    /// refused with its field.
    public init(
        systems: [String], regions: [String], dataCategories: [String], subjectCategories: [String],
        consequences: [String], records: String?, subjects: String?
    ) throws {
        self.systems = try systems.map { try TextRules.line($0, field: .system) }
        self.regions = try regions.map { try TextRules.line($0, field: .region, maxLength: 80) }
        self.dataCategories = try dataCategories.map { try Vocabulary.dataCategories.parse($0, field: .dataCategory) }
        self.subjectCategories = try subjectCategories.map { try Vocabulary.subjectCategories.parse($0, field: .subjectCategory) }
        self.consequences = try consequences.map { try TextRules.paragraph($0, field: .consequence, maxLength: 2_000) }
        self.records = try records.map { try CountText.parse($0, field: .records) }
        self.subjects = try subjects.map { try CountText.parse($0, field: .subjects) }
    }
}
