/// Which security property a personal data breach broke, in the three types EDPB Guidelines 9/2022 use:
/// disclosure or access (confidentiality), alteration (integrity), loss or destruction (availability).
/// One breach may be of several types at once.
public enum BreachType: String, Codable, CaseIterable, Sendable, CustomStringConvertible {
    case confidentiality, integrity, availability

    /// The stored word, so interpolating a value costs no reflection (measured in `show`'s profile).
    public var description: String { rawValue }

    public static func parse(_ text: String, field: Field = .breachType) throws -> BreachType {
        if let type = BreachType(rawValue: text.lowercased()) { return type }
        throw InputError(field: field, problem: "'\(text)' is not a breach type; use confidentiality, integrity or availability")
    }

    /// The types given, each once, in the order of the guidelines (confidentiality, integrity, availability).
    public static func parseAll(_ texts: [String]) throws -> [BreachType] {
        let given = Set(try texts.map { try parse($0) })
        return allCases.filter(given.contains)
    }

    /// The types in `proposed` not already in `known`.
    public static func new(_ proposed: [BreachType], beside known: [BreachType]) -> [BreachType] {
        proposed.filter { !known.contains($0) }
    }

    /// The types an incident's events state, up to and including event number `through` (all when nil).
    /// Types are only ever added: `logged` states the first ones, each `updated` may add more.
    public static func stated(in events: [IncidentEvent], through number: Int? = nil) -> [BreachType] {
        var found = Set<BreachType>()
        for event in events where number.map({ event.number <= $0 }) ?? true {
            switch event.payload {
            case .logged(let body): found.formUnion(body.breachTypes ?? [])
            case .updated(let body): found.formUnion(body.breachTypes ?? [])
            default: break
            }
        }
        return allCases.filter(found.contains)
    }
}

extension Array {
    /// nil for an empty array: optional lists in event bodies are left out rather than written empty.
    public var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
