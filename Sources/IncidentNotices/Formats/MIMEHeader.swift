import Foundation
import IncidentCore

/// Header encoding for `EmailMessage`: control characters out, RFC 2047 for non-ASCII, folding at 78.
enum MIMEHeader {
    /// RFC 5322 asks for lines of at most 78 characters; 998 is the hard limit.
    static let softLimit = 78

    /// UTF-8 bytes per encoded-word: 39 bytes make 52 base64 characters, 64 with `=?UTF-8?B?` and `?=`,
    /// so a word is under RFC 2047's 75 and fits after "Subject: " (the longest name we encode) within 78.
    static let bytesPerWord = 39

    /// One field, folded at the spaces between tokens; only a single over-long token can pass 78.
    static func field(_ name: String, _ tokens: [String]) -> String {
        var lines: [String] = []
        var line = name + ":"
        var lineHasToken = false
        for token in tokens {
            if lineHasToken, line.utf8.count + 1 + token.utf8.count > softLimit {
                lines.append(line)
                line = ""
            }
            line += " " + token
            lineHasToken = true
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    /// Tokens for an unstructured value such as Subject: plain words if safe, else encoded-words.
    static func textTokens(_ raw: String) -> [String] {
        let value = cleaned(raw)
        return isPlain(value) ? value.split(separator: " ").map(String.init) : encodedWords(value)
    }

    /// Tokens for a display name: atoms as they are, quoted if it has specials, else encoded-words.
    static func displayNameTokens(_ raw: String) -> [String] {
        let name = cleanedName(raw)
        guard isPlain(name) else { return encodedWords(name) }
        if name.unicodeScalars.allSatisfy({ isAtext($0) || $0 == " " }) {
            return name.split(separator: " ").map(String.init)
        }
        let quoted = "\"" + name.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        // A long quoted-string cannot be folded cleanly everywhere; encoded-words can.
        return quoted.utf8.count <= 64 ? [quoted] : encodedWords(name)
    }

    /// Every control character becomes a space: a CR or LF in a value would otherwise start a new header.
    static func cleaned(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            let v = scalar.value
            let control = v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
            out.append(control ? " " : scalar)
        }
        return MarkdownBlock.trimmed(Substring(String(out)))
    }

    /// A cleaned display name with whitespace runs made single: readers collapse them in a phrase anyway.
    static func cleanedName(_ raw: String) -> String {
        cleaned(raw).split(separator: " ").joined(separator: " ")
    }

    /// Printable ASCII that folds cleanly at single spaces and that no reader could take for an encoded-word.
    static func isPlain(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
            && !value.contains("=?") && !value.contains("  ")
            && value.split(separator: " ").allSatisfy { $0.utf8.count <= 64 }
    }

    /// RFC 5322 atext: the characters a display name may use without quoting.
    static func isAtext(_ scalar: Unicode.Scalar) -> Bool { EmailAddress.isAtext(scalar) }

    /// `=?UTF-8?B?…?=` words of whole characters; decoders join adjacent words and drop the space between.
    static func encodedWords(_ value: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        func add(_ bytes: [UInt8]) {
            if chunk.count + bytes.count > bytesPerWord {
                words.append("=?UTF-8?B?" + base64(chunk) + "?=")
                chunk = []
            }
            chunk += bytes
        }
        for character in value {
            let bytes = Array(String(character).utf8)
            // Keep a grapheme in one word where it fits; RFC 2047 only needs whole code points.
            if bytes.count <= bytesPerWord {
                add(bytes)
            } else {
                for scalar in character.unicodeScalars { add(Array(String(scalar).utf8)) }
            }
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + base64(chunk) + "?=") }
        return words
    }

    static func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
}
