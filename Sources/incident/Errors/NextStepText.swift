import IncidentCore

/// The words and command line for each next step the core suggests.
enum NextStepText {
    /// An unmet criterion with what would meet it, as `show` and refusals print it.
    static func unmet(_ unmet: Unmet) -> String {
        unmet.reason + (unmet.next.map { " (\(text($0)))" } ?? "")
    }

    static func text(_ step: NextStep, field: Field? = nil) -> String {
        switch step {
        case .stateNature(let id): "add it with `incident update \(id) --nature TEXT`"
        case .recordAction(let id): "add one with `incident update \(id) --action TEXT`"
        case .reopen(let id): "reopen it first with `incident reopen \(id) --to PHASE --reason TEXT`"
        case .close(let id): "use `incident close \(id) --summary TEXT`"
        case .listNotices(let id): "see `incident notice list \(id)`"
        case .affect(let id, let customer): "run `incident affect \(id) --customer \(customer)` first"
        case .draftNotice(let id, let customer): "run `incident notice draft \(id) --customer \(customer)` first"
        case .showIncident(let id): "`incident show \(id)` lists what is recorded, numbered"
        case .listIncidents: "`incident list` shows the ids"
        case .listCategories: "use a slug from `incident vocab` or other:<text>"
        case .listCustomers: "see `incident customer list`"
        case .editCustomer(let slug): "to correct them, use `incident customer edit \(slug)`"
        case .addCustomer(let slug): "add it with `incident customer add \(slug) --name NAME --email ADDRESS`"
        case .listSubprocessors: "see `incident subprocessor list`"
        case .editSubprocessor(let slug): "to correct them, use `incident subprocessor edit \(slug)`"
        case .addSubprocessor(let slug):
            "add it with `incident subprocessor add \(slug) --name NAME --service SERVICE --region REGION`"
        case .setOrganisation: "run `incident org set --name NAME --email ADDRESS`"
        case .verify: "run `incident verify` and restore from a backup"
        case .checkpointFormat: "`incident checkpoint` prints one"
        case .attachWithEquals(let value):
            "if you mean that text, write \(field.map(FlagNames.flag) ?? "the option")='\(value)'"
        }
    }
}
