import Foundation

/// Small, independent decoders so the tests check the encoders against the RFCs, not against themselves.
enum MIMEDecoding {
    /// Header fields in order, unfolded (each CRLF before whitespace removed), up to the blank line.
    static func headers(_ message: String) -> [(name: String, value: String)] {
        let head = message.components(separatedBy: "\r\n\r\n")[0]
        let unfolded = head.replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: "\t")
        return unfolded.components(separatedBy: "\r\n").map { line in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
    }

    static func header(_ name: String, in message: String) -> String? {
        headers(message).first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// RFC 2047 decoding of `=?UTF-8?B?…?=` words; whitespace between two encoded-words is dropped.
    static func decodeWords(_ value: String) -> String {
        var out = ""
        var pending = Data()
        var previousWasEncoded = false
        for token in value.components(separatedBy: " ") {
            if token.hasPrefix("=?UTF-8?B?"), token.hasSuffix("?="), token.count <= 75 {
                let payload = String(token.dropFirst(10).dropLast(2))
                pending.append(Data(base64Encoded: payload)!)
                previousWasEncoded = true
            } else {
                out += String(decoding: pending, as: UTF8.self)
                pending = Data()
                if !out.isEmpty || previousWasEncoded { out += " " }
                out += token
                previousWasEncoded = false
            }
        }
        return out + String(decoding: pending, as: UTF8.self)
    }

    /// The two MIME parts as (headers, encoded body), split at the boundary named in Content-Type.
    static func parts(_ message: String) -> [(head: String, body: String)] {
        let contentType = header("Content-Type", in: message)!
        let boundary = contentType.components(separatedBy: "boundary=\"")[1].components(separatedBy: "\"")[0]
        let sections = message.components(separatedBy: "\r\n--" + boundary)
        return sections.dropFirst().filter { !$0.hasPrefix("--") }.map { section in
            let pieces = section.components(separatedBy: "\r\n\r\n")
            return (pieces[0], pieces.dropFirst().joined(separator: "\r\n\r\n"))
        }
    }

    /// RFC 2045 quoted-printable decoding: `=` + CRLF is a soft break, `=XX` a byte, CRLF a line break.
    static func decodeQuotedPrintable(_ text: String) -> String {
        var bytes: [UInt8] = []
        let input = Array(text.utf8)
        var i = 0
        while i < input.count {
            if input[i] == UInt8(ascii: "=") {
                if i + 2 < input.count, input[i + 1] == 13, input[i + 2] == 10 {
                    i += 3
                    continue
                }
                let hex = String(decoding: input[(i + 1)...(i + 2)], as: UTF8.self)
                bytes.append(UInt8(hex, radix: 16)!)
                i += 3
            } else {
                bytes.append(input[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
