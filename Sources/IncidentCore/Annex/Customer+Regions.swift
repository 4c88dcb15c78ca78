extension Customer {
    /// The regions the controller annex counts countries from (`eu`, `us`, or country codes): the customer's
    /// own regions (`customer add --region`). Empty when none are recorded; the annex then says the countries
    /// are unknown.
    public var annexRegions: [String] { regions }
}
