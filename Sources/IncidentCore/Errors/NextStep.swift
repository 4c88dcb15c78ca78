/// What a person can do about a refusal or a bad input. The core says which step helps; the CLI words it
/// as a command line, so the core never spells one.
public enum NextStep: Equatable, Sendable {
    /// State the nature of the incident.
    case stateNature(IncidentID)
    /// Record an action in the current phase.
    case recordAction(IncidentID)
    /// Reopen the closed incident.
    case reopen(IncidentID)
    /// Close the incident, which is in its last phase.
    case close(IncidentID)
    /// Look at the incident's customers and notices.
    case listNotices(IncidentID)
    /// Mark the customer affected by the incident.
    case affect(IncidentID, customer: String)
    /// Draft a notice for the customer.
    case draftNotice(IncidentID, customer: String)
    /// Look at what the incident records, numbered.
    case showIncident(IncidentID)
    /// Look up the incident ids.
    case listIncidents
    /// Look up the category slugs.
    case listCategories
    /// Look up the customers.
    case listCustomers
    /// Add the customer.
    case addCustomer(String)
    /// Correct the existing customer's details.
    case editCustomer(String)
    /// Look up the subprocessors.
    case listSubprocessors
    /// Add the subprocessor.
    case addSubprocessor(String)
    /// Correct the existing subprocessor's details.
    case editSubprocessor(String)
    /// Set our own details (name and e-mail at least).
    case setOrganisation
    /// Check the register and restore it from a backup.
    case verify
    /// Give a checkpoint in the form the register prints it.
    case checkpointFormat
    /// A value that looks like an option: join it to its option with `=` if it is meant.
    case attachWithEquals(String)
}
