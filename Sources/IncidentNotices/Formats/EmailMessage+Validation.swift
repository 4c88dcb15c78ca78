extension EmailMessage {
    /// True for a plain `local@domain` address: ASCII dot-atom local part, dotted hostname, no name.
    ///
    /// Deliberately narrower than RFC 5322: no quoted local parts, comments, IP literals or
    /// internationalised addresses, because every such form has been used to smuggle a second
    /// recipient or header past a weaker check, and customers' notice addresses do not need them.
    public static func isValidAddress(_ address: String) -> Bool {
        guard address.utf8.count <= 254 else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count <= 64, isDotAtom(parts[0]) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return parts[1].utf8.count <= 253 && labels.count >= 2 && labels.allSatisfy(isHostLabel)
    }

    /// A Message-ID body (`id-left@id-right`) as dot-atoms, short enough to keep its line under 998.
    static func isValidMessageID(_ id: String) -> Bool {
        let parts = id.split(separator: "@", omittingEmptySubsequences: false)
        return id.utf8.count <= 250 && parts.count == 2 && isDotAtom(parts[0]) && isDotAtom(parts[1])
    }

    /// atext runs joined by single dots, with no dot first or last.
    private static func isDotAtom(_ text: Substring) -> Bool {
        text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { atom in
            !atom.isEmpty && atom.unicodeScalars.allSatisfy(MIMEHeader.isAtext)
        }
    }

    /// Letters, digits and inner hyphens, 1–63 characters (RFC 1123).
    private static func isHostLabel(_ label: Substring) -> Bool {
        let ok = label.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        return ok && (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
    }
}
