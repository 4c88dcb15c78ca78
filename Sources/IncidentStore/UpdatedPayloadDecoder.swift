import IncidentCore

/// A decoder for the payload of `updated` events (notes, actions, corrections), the bulk of every register,
/// written by hand because `verify` decodes every one of them and `JSONDecoder` was most of its time.
///
/// It reads only the canonical form the register writes (sorted keys, no whitespace, the fields `Updated`
/// has) and gives up, returning nil, on anything else: an unknown or repeated key, whitespace, a number that is
/// not a plain integer, an escape it does not know. The caller then decodes with `JSONDecoder` as before, so
/// this never accepts what `JSONDecoder` would refuse, nor reads anything differently.
enum UpdatedPayloadDecoder {
    static func decode(_ body: String) -> Updated? {
        var body = body
        return body.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            guard let updated = scanner.updated(), scanner.index == bytes.count else { return nil }
            return updated
        }
    }

    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func updated() -> Updated? {
            var result = Updated()
            var seen = Set<String>()
            var required: Set<String> = ["consequences", "dataCategories", "subjectCategories", "systems", "regions"]
            let ok = object { scanner, key in
                guard seen.insert(key).inserted else { return false }
                required.remove(key)
                switch key {
                case "note": return scanner.optional(&result.note) { $0.string() }
                case "action": return scanner.optional(&result.action) { $0.action() }
                case "consequences": return scanner.strings(&result.consequences)
                case "dataCategories": return scanner.strings(&result.dataCategories)
                case "subjectCategories": return scanner.strings(&result.subjectCategories)
                case "systems": return scanner.strings(&result.systems)
                case "regions": return scanner.strings(&result.regions)
                case "records": return scanner.optional(&result.records) { $0.change { $0.integer() } }
                case "subjects": return scanner.optional(&result.subjects) { $0.change { $0.integer() } }
                case "nature": return scanner.optional(&result.nature) { $0.change { $0.string() } }
                case "title": return scanner.optional(&result.title) { $0.change { $0.string() } }
                case "source": return scanner.optional(&result.source) { $0.change { $0.string() } }
                case "severity": return scanner.optional(&result.severity) { $0.change { $0.string().flatMap(Severity.init(rawValue:)) } }
                case "awareAt": return scanner.optional(&result.awareAt) { $0.change { $0.timestamp() } }
                case "occurredFrom": return scanner.optional(&result.occurredFrom) { $0.change { $0.timestamp() } }
                case "occurredTo": return scanner.optional(&result.occurredTo) { $0.change { $0.timestamp() } }
                case "detectedAt": return scanner.optional(&result.detectedAt) { $0.change { $0.timestamp() } }
                default: return false
                }
            }
            return ok && required.isEmpty ? result : nil
        }

        mutating func action() -> ActionTaken? {
            var text: String?
            var kind: ActionKind?
            var phase: Phase?
            let ok = object { scanner, key in
                // A value that does not read stops the scan there, before anything after it is misread.
                switch key {
                case "text" where text == nil:
                    text = scanner.string()
                    return text != nil
                case "kind" where kind == nil:
                    kind = scanner.string().flatMap(ActionKind.init(rawValue:))
                    return kind != nil
                case "phase" where phase == nil:
                    phase = scanner.string().flatMap(Phase.init(rawValue:))
                    return phase != nil
                default: return false
                }
            }
            guard ok, let text, let kind, let phase else { return nil }
            return ActionTaken(text: text, kind: kind, phase: phase)
        }

        /// `{"from":…,"to":…}`, `from` absent or null.
        mutating func change<V: Codable & Equatable & Sendable>(_ value: (inout Scanner) -> V?) -> Change<V>? {
            var from: V??
            var to: V?
            let ok = object { scanner, key in
                switch key {
                case "from" where from == nil:
                    var read: V?
                    guard scanner.optional(&read, value) else { return false }
                    from = .some(read)
                    return true
                case "to" where to == nil:
                    to = value(&scanner)
                    return to != nil
                default: return false
                }
            }
            guard ok, let to else { return nil }
            return Change(from: from ?? nil, to: to)
        }

        /// `null`, or a value: sets `target` and returns true; false when neither reads.
        mutating func optional<V>(_ target: inout V?, _ value: (inout Scanner) -> V?) -> Bool {
            if literal("null") {
                target = nil
                return true
            }
            guard let read = value(&self) else { return false }
            target = read
            return true
        }

        mutating func strings(_ target: inout [String]) -> Bool {
            guard take(UInt8(ascii: "[")) else { return false }
            var values: [String] = []
            if take(UInt8(ascii: "]")) {
                target = values
                return true
            }
            repeat {
                guard let value = string() else { return false }
                values.append(value)
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "]")) else { return false }
            target = values
            return true
        }

        /// An object's members in order; `member` reads the value after each key and says whether it could.
        mutating func object(_ member: (inout Scanner, String) -> Bool) -> Bool {
            guard take(UInt8(ascii: "{")) else { return false }
            if take(UInt8(ascii: "}")) { return true }
            repeat {
                guard let key = string(), take(UInt8(ascii: ":")), member(&self, key) else { return false }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}"))
        }

        mutating func timestamp() -> Timestamp? { string().flatMap(Timestamp.stored) }

        /// A plain integer: an optional minus and digits, no leading zero, no fraction or exponent.
        mutating func integer() -> Int? {
            let start = index
            var negative = false
            if take(UInt8(ascii: "-")) { negative = true }
            let digitsStart = index
            var value = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(Int(bytes[index] - 0x30))
                guard !o1, !o2 else { return nil }
                value = sum
                index += 1
            }
            let count = index - digitsStart
            guard count > 0, !(count > 1 && bytes[digitsStart] == 0x30) else {
                index = start
                return nil
            }
            if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) { return nil }
            return negative ? -value : value
        }

        /// A JSON string; nil on a control character or an escape this reader does not take.
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            // The common case: no escapes, one copy.
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { return nil }
                index += 1
            }
            var out = Array(bytes[start..<index])
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { return nil }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        guard let unit = hex4() else { return nil }
                        var scalar: Unicode.Scalar?
                        if (0xD800...0xDBFF).contains(unit) {
                            guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00...0xDFFF).contains(low)
                            else {
                                return nil
                            }
                            scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                        } else {
                            scalar = Unicode.Scalar(unit)
                        }
                        guard let scalar else { return nil }
                        out.append(contentsOf: String(Character(scalar)).utf8)
                    default: return nil
                    }
                default:
                    if byte < 0x20 { return nil }
                    out.append(byte)
                }
            }
            return nil
        }

        private mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: return nil
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
            index += count
            return true
        }
    }
}
