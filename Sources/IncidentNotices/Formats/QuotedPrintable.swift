/// Quoted-printable body encoding (RFC 2045 §6.7): ASCII text stays readable, everything else is `=XX`.
enum QuotedPrintable {
    /// Encoded lines, soft-break `=` included, are at most 76 characters.
    static let lineLimit = 76

    /// Encodes text as UTF-8 quoted-printable; every line break in the text becomes a CRLF hard break.
    static func encode(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { encodeLine(Array($0.utf8)) }
            .joined(separator: "\r\n")
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var out = ""
        var length = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal = (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "=")
            // Whitespace at the end of a line may be stripped in transit, so only inner spaces stay literal.
            let innerSpace = (byte == 0x20 || byte == 0x09) && !isLast
            let token = literal || innerSpace ? String(UnicodeScalar(byte)) : hex(byte)
            // Leave room for the soft-break "=" unless this is the line's final token.
            let room = isLast ? lineLimit : lineLimit - 1
            if length + token.utf8.count > room {
                out += "=\r\n"
                length = 0
            }
            out += token
            length += token.utf8.count
        }
        return out
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(decoding: [UInt8(ascii: "="), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }
}
