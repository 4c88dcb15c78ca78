import Foundation
import IncidentCore
import Mustache

/// A template that cannot be used, with the file and line to fix.
public struct TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let problem: String

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(problem)" }
}

/// The templates of one language: the shipped files, with any file of a user folder taking the place of its namesake.
public struct TemplateSet: Sendable {
    /// The language whose files were found (English when the asked-for one has none).
    public let language: String
    /// Where the user's overriding files came from, if anywhere.
    public let overrides: String?
    /// Template name (`initial`, `items/nature`, ...) to source text and where it came from.
    let sources: [String: (text: String, origin: String)]
    let library: MustacheLibrary

    /// The kinds' main templates and the subject line: a set lacking any of them is incomplete.
    static let required = NoticeKind.allCases.map(\.rawValue) + ["subject"]

    /// Loads the set for `language`; `fellBack` is true when English stood in for it.
    public static func load(language: String, overrides: String?) throws -> (set: TemplateSet, fellBack: Bool) {
        let user = try overrides.map { try TemplateFolder($0).files } ?? [:]
        let hasLanguage = (Array(ShippedTemplates.files.keys) + Array(user.keys)).contains { $0.hasPrefix(language + "/") }
        let chosen = hasLanguage ? language : "en"
        var sources: [String: (text: String, origin: String)] = [:]
        for (path, text) in ShippedTemplates.files where path.hasPrefix(chosen + "/") {
            sources[name(of: path, language: chosen)] = (text, "Templates/" + path + " (shipped)")
        }
        for (path, entry) in user where path.hasPrefix(chosen + "/") {
            sources[name(of: path, language: chosen)] = entry
        }
        return (try TemplateSet(language: chosen, overrides: overrides, sources: sources), chosen != language)
    }

    private init(language: String, overrides: String?, sources: [String: (text: String, origin: String)]) throws {
        for name in Self.required where sources[name] == nil {
            throw TemplateError(
                file: "\(overrides ?? "Templates")/\(language)/\(name).mustache", line: nil, problem: "missing; every language needs it")
        }
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                // Notices are Markdown, not HTML: escaping is ours (NoticeView), not Mustache's.
                try library.register("{{% CONTENT_TYPE: TEXT}}" + source.text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(
                    file: source.origin, line: error.context.lineNumber, problem: "syntax error: \(Self.explain(error.error))")
            } catch {
                throw TemplateError(file: source.origin, line: nil, problem: "syntax error: \(error)")
            }
        }
        self.language = language
        self.overrides = overrides
        self.sources = sources
        self.library = library
        try TemplateChecker(sources: sources).check()
    }

    /// The parser's error in words a template editor can act on.
    private static func explain(_ error: any Error) -> String {
        switch error {
        case MustacheTemplate.Error.expectedSectionEnd: "a section opened with {{#name}} or {{^name}} is never closed with {{/name}}"
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a {{/name}} closes a different section from the one that is open"
        case MustacheTemplate.Error.unfinishedName: "a tag is not finished: check for a missing }}"
        case MustacheTemplate.Error.invalidSetDelimiter: "changing delimiters is not supported"
        default: "\(error)"
        }
    }

    /// Renders one template against a view; the result ends with exactly one newline.
    func render(_ name: String, _ view: [String: Any]) -> String {
        Self.tidied(library.render(view, withTemplate: name) ?? "")
    }

    /// Sections that render nothing leave blank lines behind; a notice never needs two in a row. Collapses them,
    /// trims the ends and ends the text with exactly one newline.
    static func tidied(_ rendered: String) -> String {
        tidiedBytes(rendered) ?? tidiedByFoundation(rendered)
    }

    /// The reference for `tidiedBytes`, comparing as Foundation does.
    static func tidiedByFoundation(_ rendered: String) -> String {
        var text = rendered
        while text.contains("\n\n\n") { text = text.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        return text.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    }

    /// The same in one pass over the UTF-8 bytes: bridging every notice to `NSString` and back was a third of
    /// drafting a batch, and its allocations kept the cores waiting for each other. Gives up (nil) wherever
    /// Foundation, comparing characters rather than bytes, might see the text differently: a carriage return,
    /// a non-ASCII character right after a collapsed run or at either end, a text of nothing but space.
    static func tidiedBytes(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        // What `.whitespacesAndNewlines` holds below 0x80: tab, LF, VT, FF, CR and space.
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard start < end, bytes[start] < 0x80, bytes[end - 1] < 0x80 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(end - start + 1)
        var i = start
        while i < end {
            switch bytes[i] {
            case 0x0D: return nil
            case 0x0A:
                var j = i
                while j < end, bytes[j] == 0x0A { j += 1 }
                if j - i >= 3 {
                    guard j < end, bytes[j] < 0x80 else { return nil }
                    out += [0x0A, 0x0A]
                } else {
                    out += bytes[i..<j]
                }
                i = j
            default:
                out.append(bytes[i])
                i += 1
            }
        }
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    func origin(of name: String) -> String { sources[name]?.origin ?? name }

    private static func name(of path: String, language: String) -> String {
        String(path.dropFirst(language.count + 1).dropLast(".mustache".count))
    }
}
