/// Quoted-printable body encoding (RFC 2045 §6.7): ASCII text stays readable, everything else is `=XX`.
enum QuotedPrintable {
    /// Encoded lines, soft-break `=` included, are at most 76 characters.
    static let lineLimit = 76

    /// Encodes text as UTF-8 quoted-printable; every line break in the text (LF, CRLF or CR) becomes a CRLF hard break.
    ///
    /// Works on the UTF-8 bytes into one byte buffer: a batch export encodes two bodies for each of thousands of
    /// notices, and a string per byte made this the most expensive step of writing a `.eml` file.
    static func encode(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    encodeLine(UnsafeBufferPointer(rebasing: bytes[start..<index]), into: &out)
                    out.append(0x0D)
                    out.append(0x0A)
                    // CR LF is one line break, as it is one character in the text.
                    index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                    start = index
                } else {
                    index += 1
                }
            }
            encodeLine(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static let digits = Array("0123456789ABCDEF".utf8)

    private static func encodeLine(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var length = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal = (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "=")
            // Whitespace at the end of a line may be stripped in transit, so only inner spaces stay literal.
            let innerSpace = (byte == 0x20 || byte == 0x09) && !isLast
            let width = literal || innerSpace ? 1 : 3
            // Leave room for the soft-break "=" unless this is the line's final token.
            let room = isLast ? lineLimit : lineLimit - 1
            if length + width > room {
                out.append(UInt8(ascii: "="))
                out.append(0x0D)
                out.append(0x0A)
                length = 0
            }
            if width == 1 {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "="))
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0F)])
            }
            length += width
        }
    }
}
