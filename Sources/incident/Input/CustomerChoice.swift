import ArgumentParser
import IncidentCore
import IncidentNotices
import IncidentStore

/// `--customer SLUG | --all`, shared by draft and export.
struct CustomerChoice: ParsableArguments {
    @Option(help: "One customer's slug.", completion: .customerSlugs) var customer: String?
    @Flag(help: "Every affected customer not ruled out.") var all = false

    func validate() throws {
        if customer != nil && all { throw ValidationError("give --customer SLUG or --all, not both") }
        if customer == nil && !all { throw ValidationError("give --customer SLUG or --all") }
    }

    func selection() throws -> CustomerSelection {
        try customer.map { .one(try Slug.parse($0, field: .customer)) } ?? .all
    }
}
