import Crypto
import IncidentCore

/// The SHA-256 chain over every event in the register.
///
/// An event's hash covers its canonical content and the previous event's hash, so changing, removing
/// or reordering any stored event breaks the chain from that point. The canonical content is a fixed
/// list of labelled fields, each value prefixed by its length in UTF-8 bytes, so no two different
/// events can produce the same text.
public enum HashChain {
    /// The previous hash of the very first event.
    public static let genesis = String(repeating: "0", count: 64)

    /// The fields of an event as stored, in the form that is hashed.
    public struct Content: Equatable, Sendable {
        public var seq: Int64
        public var incident: String?
        public var incidentSeq: Int?
        public var type: String
        public var payload: String
        public var actor: String
        public var recordedAt: String
        public var occurredAt: String
        public var previousHash: String
    }

    /// The canonical form as text, for reading and for docs: the very bytes that are hashed.
    public static func canonical(_ c: Content) -> String {
        String(decoding: canonicalBytes(c), as: UTF8.self)
    }

    public static func hash(_ content: Content) -> String {
        hex(SHA256.hash(data: canonicalBytes(content)))
    }

    /// The SHA-256 of any text's UTF-8 bytes, in hex: what `sha256sum` prints for the same file.
    public static func sha256(_ text: String) -> String { hex(SHA256.hash(data: Array(text.utf8))) }

    /// `canonical(_:)` as UTF-8 bytes, built without intermediate strings: verify hashes millions of these.
    static func canonicalBytes(_ c: Content) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(c.payload.utf8.count + 320)
        bytes.append(contentsOf: "incident-register-event/1\n".utf8)
        func field(_ label: StaticString, _ value: String) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: label.utf8Start, count: label.utf8CodeUnitCount))
            bytes.append(0x20)
            bytes.append(contentsOf: String(value.utf8.count).utf8)
            bytes.append(0x3A)
            bytes.append(contentsOf: value.utf8)
            bytes.append(0x0A)
        }
        field("seq", String(c.seq))
        field("incident", c.incident ?? "")
        field("incident-seq", c.incidentSeq.map(String.init) ?? "")
        field("type", c.type)
        field("actor", c.actor)
        field("recorded-at", c.recordedAt)
        field("occurred-at", c.occurredAt)
        field("payload", c.payload)
        field("previous", c.previousHash)
        return bytes
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
