/// The one rule for mail addresses: every address the register accepts is one a notice can be sent to.
///
/// A plain `local@domain`: an ASCII dot-atom local part and a dotted hostname, checked whole, character by
/// character (no pattern anchors that stop before a final line break). Deliberately narrower than RFC 5322:
/// no quoted local parts, comments, IP literals or internationalised addresses, because each such form has
/// been used to smuggle a second recipient or header past a weaker check, and notices do not need them.
public enum EmailAddress {
    /// Trims spaces and checks the address; refuses it with the field and an example of a good one.
    public static func parse(_ raw: String, field: Field) throws -> String {
        let address = raw.trimmingCharacters(in: .whitespaces)
        guard isValid(address) else {
            throw InputError(
                field: field, problem: "'\(raw)' is not a mail address a notice can go to; give one plain address such as dpo@example.com")
        }
        return address
    }

    /// True for a plain `local@domain` address.
    public static func isValid(_ address: String) -> Bool {
        guard address.utf8.count <= 254 else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count <= 64, isDotAtom(parts[0]) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return parts[1].utf8.count <= 253 && labels.count >= 2 && labels.allSatisfy(isHostLabel)
    }

    /// atext runs joined by single dots, with no dot first or last (so `a..b` and `.a` are refused).
    public static func isDotAtom(_ text: Substring) -> Bool {
        text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { atom in
            !atom.isEmpty && atom.unicodeScalars.allSatisfy(isAtext)
        }
    }

    /// RFC 5322 atext: letters, digits and the few symbols a local part may use unquoted.
    public static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }

    /// Letters, digits and inner hyphens, 1–63 characters (RFC 1123).
    private static func isHostLabel(_ label: Substring) -> Bool {
        let ok = label.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        return ok && (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
    }
}
