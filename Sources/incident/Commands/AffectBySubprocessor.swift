import IncidentCore
import IncidentStore

/// `affect --subprocessor`: the fan-out rule's answer, printed, and recorded unless it is a dry run.
struct AffectBySubprocessor {
    let register: RegisterOptions
    let id: IncidentID
    let context: Context

    func run(subprocessor slug: String, regions: [String], dryRun: Bool) throws {
        let slug = try Slug.parse(slug, field: .subprocessor)
        let regions = try ScopeTerm.parseAll(regions, field: .region)
        let store = try register.open(create: false)
        let directory = try store.directory()
        if dryRun {
            let reach = try Workflow.reach(try store.incident(id), subprocessor: slug, regions: regions, directory: directory)
            print(reach, directory: directory, verb: "would be marked affected (dry run: nothing written)")
            return
        }
        var reach: SubprocessorReach?
        let incident = try store.recordMany(id) { incident in
            let found = try Workflow.reach(incident, subprocessor: slug, regions: regions, directory: directory)
            reach = found
            return try Workflow.affect(incident, reach: found, directory: directory, context: context)
        }
        print(reach!, directory: directory, verb: "marked affected")
        Output.print(
            "\(WriteReceipt.incident(incident)): \(reach!.customers.count) customer(s) marked affected; \(incident.shares.count) in all")
    }

    private func print(_ reach: SubprocessorReach, directory: Directory, verb: String) {
        Output.print(
            "\(reach.subprocessor) (\(reach.services.joined(separator: ", ")) in \(reach.regions.joined(separator: ", "))): "
                + "\(reach.customers.count) customer(s) \(verb)")
        if !reach.customers.isEmpty {
            Output.print(
                Terminal.current.table(
                    ["CUSTOMER", "NAME", "REGIONS", "SERVICES"],
                    reach.customers.map { slug in
                        let customer = directory.customers[slug]
                        return [
                            slug, customer?.name ?? "", customer?.regions.joined(separator: ", ") ?? "",
                            customer?.services.joined(separator: ", ") ?? "",
                        ]
                    }))
        }
        if !reach.alreadyAffected.isEmpty {
            Output.print("Skipped, already marked in \(id): \(reach.alreadyAffected.joined(separator: ", "))")
        }
        if !reach.unknownScope.isEmpty {
            Output.print(
                "Not matched, no region or service recorded (customer edit --region --service): "
                    + reach.unknownScope.joined(separator: ", "))
        }
    }
}
