import ArgumentParser
import IncidentCore

struct Vocab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vocab",
        abstract: "Print the categories of personal data and of data subjects, with their slugs.",
        discussion: """
            Use a slug with --data-category or --subject-category, or other:<text> for
            anything else.

            Example:
              incident vocab
            """)

    @OptionGroup var output: OutputOptions

    private struct Entry: Encodable {
        var slug: String
        var label: String
    }
    private struct Lists: Encodable {
        var dataCategories: [Entry]
        var subjectCategories: [Entry]
    }

    func run() throws {
        func entries(_ vocabulary: Vocabulary) -> [Entry] { vocabulary.terms.map { Entry(slug: $0.slug, label: $0.label) } }
        if output.json {
            return try Output.json(Lists(dataCategories: entries(.dataCategories), subjectCategories: entries(.subjectCategories)))
        }
        let terminal = Terminal.current
        guard terminal.isInteractive else {
            let rows = Vocabulary.allCases.flatMap { list in list.terms.map { [list.rawValue, $0.slug, $0.label] } }
            return Output.print(terminal.table(["LIST", "SLUG", "LABEL"], rows))
        }
        var blocks: [String] = []
        for vocabulary in Vocabulary.allCases {
            let table = terminal.table(["SLUG", "LABEL"], vocabulary.terms.map { [$0.slug, $0.label] })
            blocks.append(terminal.bold(vocabulary.title) + "\n" + table)
        }
        Output.print(blocks.joined(separator: "\n\n") + "\n\nAnything else: other:<text>, e.g. other:passport scans")
    }
}
