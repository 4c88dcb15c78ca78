/// A strict reader for `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM|±HHMM)`.
struct ISO8601Parser {
    private let chars: [UInt8]
    private var index = 0

    private init(_ text: String) { chars = Array(text.utf8) }

    /// The moment the text names, or nil when it is not in the accepted form.
    static func timestamp(from text: String) -> Timestamp? {
        var parser = ISO8601Parser(text)
        return parser.parse()
    }

    /// True when the text is a well-formed date-time whose only fault is an offset beyond -12:00/+14:00.
    static func offsetOutOfRange(_ text: String) -> Bool {
        guard text.count > 6 else { return false }
        let sign = text.dropLast(5).last
        let tail = text.suffix(5)
        guard sign == "+" || sign == "-", tail.dropFirst(2).first == ":" else { return false }
        return timestamp(from: String(text.dropLast(6)) + "Z") != nil
    }

    /// True when the text is a well-formed date-time that only lacks its offset.
    static func looksLikeLocalTime(_ text: String) -> Bool {
        timestamp(from: text + "Z") != nil
    }

    private mutating func parse() -> Timestamp? {
        guard let year = number(4), literal("-"), let month = number(2), literal("-"), let day = number(2),
            literal("T") || literal("t") || literal(" "),
            let hour = number(2), literal(":"), let minute = number(2)
        else { return nil }
        var second = 0
        if literal(":") {
            guard let s = number(2) else { return nil }
            second = s
            if literal(".") || literal(",") {
                // Fractions of a second are accepted and dropped: the register keeps whole seconds.
                var digits = 0
                while index < chars.count, chars[index] >= 48, chars[index] <= 57 {
                    index += 1
                    digits += 1
                }
                guard digits > 0 else { return nil }
            }
        }
        guard index < chars.count else { return nil }
        var offset = 0
        if literal("Z") || literal("z") {
            offset = 0
        } else if chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-") {
            let sign = chars[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let oh = number(2) else { return nil }
            _ = literal(":")
            guard let om = number(2), om <= 59 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
            // Real offsets run from -12:00 (Baker Island) to +14:00 (Line Islands).
            guard (-12 * 3600...14 * 3600).contains(offset) else { return nil }
        } else {
            return nil
        }
        guard index == chars.count,
            let local = Timestamp.utc(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        return Timestamp(seconds: local.seconds - Int64(offset))
    }

    private mutating func number(_ width: Int) -> Int? {
        guard index + width <= chars.count else { return nil }
        var value = 0
        for c in chars[index..<index + width] {
            guard c >= 48, c <= 57 else { return nil }
            value = value * 10 + Int(c - 48)
        }
        index += width
        return value
    }

    private mutating func literal(_ c: Character) -> Bool {
        guard index < chars.count, chars[index] == c.asciiValue! else { return false }
        index += 1
        return true
    }
}
