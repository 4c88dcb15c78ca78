import Foundation

enum Output {
    static func print(_ text: String) {
        StandardStream.out(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Text exactly as given, for exported documents.
    static func raw(_ text: String) {
        StandardStream.out(text)
    }

    /// A warning: one line on stderr, never on stdout where scripts read results.
    static func warn(_ text: String) {
        StandardStream.error("warning: \(text)\n")
    }

    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
