import ArgumentParser
import IncidentCore

/// The options that take back what was recorded in error, shared by `update` (the incident) and `affect`
/// (one customer's share, categories only).
struct WithdrawalOptions: ParsableArguments {
    @Option(
        name: .customLong("withdraw-data-category"),
        help: ArgumentHelp("Withdraw a category of personal data (repeat).", valueName: "slug"),
        completion: .dataCategories)
    var dataCategories: [String] = []
    @Option(
        name: .customLong("withdraw-subject-category"),
        help: ArgumentHelp("Withdraw a category of data subjects (repeat).", valueName: "slug"),
        completion: .subjectCategories)
    var subjectCategories: [String] = []
    @Option(
        name: .customLong("withdraw-consequence"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp("Withdraw a consequence, by its text or number (repeat).", valueName: "text-or-n"))
    var consequences: [String] = []
    @Option(name: .customLong("withdraw-action"), help: ArgumentHelp("Withdraw action N as recorded in error (repeat).", valueName: "n"))
    var actions: [Int] = []

    func proposal() throws -> WithdrawalProposal {
        var proposal = WithdrawalProposal()
        proposal.dataCategories = try dataCategories.map { try Vocabulary.dataCategories.parse($0, field: .withdrawnDataCategory) }
        proposal.subjectCategories = try subjectCategories.map {
            try Vocabulary.subjectCategories.parse($0, field: .withdrawnSubjectCategory)
        }
        proposal.consequences = consequences
        proposal.actions = actions
        return proposal
    }
}
