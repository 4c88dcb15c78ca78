import Foundation

/// The one rule for language tags (`en`, `de`, `de-at`): a customer's language and a template folder's name.
public enum LanguageTag {
    /// Trims and lowercases a tag, or refuses it naming the field.
    public static func parse(_ raw: String, field: Field) throws -> String {
        let tag = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard isValid(tag) else {
            throw InputError(field: field, problem: "'\(raw)' is not a language tag; use one such as en, de or fr")
        }
        return tag
    }

    /// True for a lowercase tag checked whole (`\z`, not `$`, which would let a final line break through).
    public static func isValid(_ tag: String) -> Bool {
        tag.range(of: #"^[a-z]{2,3}(-[a-z0-9]{2,8})*\z"#, options: .regularExpression) != nil
    }
}
