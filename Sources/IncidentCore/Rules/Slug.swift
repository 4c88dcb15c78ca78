import Foundation

/// Customer slugs: short, lowercase, safe in file names and mail headers.
public enum Slug {
    public static func parse(_ raw: String, field: Field) throws -> String {
        let slug = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard slug.range(of: #"^[a-z0-9][a-z0-9-]{0,62}\z"#, options: .regularExpression) != nil else {
            throw InputError(
                field: field, problem: "'\(raw)' is not a slug; use 1-63 lowercase letters, digits and hyphens, e.g. acme-gmbh")
        }
        return slug
    }
}
