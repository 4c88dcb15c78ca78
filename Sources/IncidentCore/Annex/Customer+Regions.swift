extension Customer {
    /// The regions the controller annex counts countries from (`eu`, `us`, or country codes). The customer
    /// list does not hold regions yet, so this is empty and the annex says the countries are unknown; it is
    /// the one line to point at the customer's own regions once they are recorded.
    public var annexRegions: [String] { [] }
}
