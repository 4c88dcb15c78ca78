import ArgumentParser
import Foundation
import IncidentCore
import IncidentStore

/// Shell completion for values: category slugs from the vocabulary, and incident ids and customer slugs
/// read from the register the command line names (`--db`, else `INCIDENT_DB`, else the default). When
/// there is no register, or it cannot be read, they offer nothing and print nothing: a completion must
/// never put an error on someone's prompt.
extension CompletionKind {
    static var dataCategories: CompletionKind { .list(Vocabulary.dataCategories.terms.map(\.slug)) }
    static var subjectCategories: CompletionKind { .list(Vocabulary.subjectCategories.terms.map(\.slug)) }
    static var incidentIDs: CompletionKind { .custom { words, _, _ in RegisterCompletion.incidentIDs(words) } }
    static var customerSlugs: CompletionKind { .custom { words, _, _ in RegisterCompletion.customerSlugs(words) } }
    static var subprocessorSlugs: CompletionKind { .custom { words, _, _ in RegisterCompletion.subprocessorSlugs(words) } }
}

enum RegisterCompletion {
    static func incidentIDs(_ words: [String]) -> [String] {
        read(words) { try $0.list(ListFilter()).map(\.id.description) }
    }

    static func customerSlugs(_ words: [String]) -> [String] {
        read(words) { try $0.directory().customers.keys.sorted() }
    }

    static func subprocessorSlugs(_ words: [String]) -> [String] {
        read(words) { try $0.directory().subprocessors.keys.sorted() }
    }

    /// The `--db` value on the command line being completed (`--db X` or `--db=X`), if any.
    static func db(in words: [String]) -> String? {
        var value: String?
        for (index, word) in words.enumerated() {
            if word == "--db", index + 1 < words.count { value = words[index + 1] }
            if word.hasPrefix("--db=") { value = String(word.dropFirst(5)) }
        }
        return value
    }

    private static func read(_ words: [String], _ body: (Register) throws -> [String]) -> [String] {
        do {
            let path = try RegisterLocation.resolve(explicit: db(in: words), environment: ProcessInfo.processInfo.environment)
            return try body(Register(path: path, create: false, busyTimeout: 1))
        } catch {
            return []
        }
    }
}
