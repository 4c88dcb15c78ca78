import IncidentCore

extension EmailMessage {
    /// True for an address the register's one rule accepts (see `EmailAddress`).
    public static func isValidAddress(_ address: String) -> Bool { EmailAddress.isValid(address) }

    /// A Message-ID body (`id-left@id-right`) as dot-atoms, short enough to keep its line under 998.
    static func isValidMessageID(_ id: String) -> Bool {
        let parts = id.split(separator: "@", omittingEmptySubsequences: false)
        return id.utf8.count <= 250 && parts.count == 2 && EmailAddress.isDotAtom(parts[0]) && EmailAddress.isDotAtom(parts[1])
    }
}
