/// Regions and services: the two words that say which customers a subprocessor reaches.
///
/// Both are short lowercase terms of our own choosing (`eu`, `us`, `apac`; `hosting`, `voip`, `support`), the
/// same on customers and subprocessors, so matching one against the other is plain equality. They look like
/// slugs but are shorter, start with a letter, and never hold a `;`, which separates them in CSV cells.
public enum ScopeTerm {
    public static let maxLength = 32

    public static func parse(_ raw: String, field: Field) throws -> String {
        let term = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard term.range(of: #"^[a-z][a-z0-9-]{0,31}\z"#, options: .regularExpression) != nil else {
            throw InputError(
                field: field,
                problem: "'\(raw)' is not a region or service name; use 1-32 lowercase letters, digits and hyphens, "
                    + "starting with a letter, e.g. eu, us, voip, hosting")
        }
        return term
    }

    /// Several terms, checked, without repeats, in the order first given.
    public static func parseAll(_ raw: [String], field: Field) throws -> [String] {
        var result: [String] = []
        for value in raw {
            let term = try parse(value, field: field)
            if !result.contains(term) { result.append(term) }
        }
        return result
    }
}
