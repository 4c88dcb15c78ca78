import Testing

@testable import IncidentCore

@Suite("Vocabulary of Appendix 1")
struct VocabularyTests {
    @Test("the built-in lists match Appendix 1 D and E")
    func sizes() {
        #expect(Vocabulary.dataCategories.terms.count == 16)
        #expect(Vocabulary.subjectCategories.terms.count == 9)
        #expect(Vocabulary.dataCategories.terms.contains { $0.slug == "email-addresses" && $0.label == "Email addresses" })
        #expect(Vocabulary.subjectCategories.terms.contains { $0.slug == "end-users" })
        let slugs = Vocabulary.allCases.flatMap { $0.terms.map(\.slug) }
        #expect(Set(slugs).count == slugs.count, "slugs are unique")
    }

    @Test("known slugs are accepted in any case")
    func known() throws {
        #expect(try Vocabulary.dataCategories.parse("Chat-Transcripts", field: "f") == "chat-transcripts")
    }

    @Test("other:<text> is accepted and its label is the text")
    func other() throws {
        let slug = try Vocabulary.dataCategories.parse("other: passport scans", field: "f")
        #expect(slug == "other:passport scans")
        #expect(Vocabulary.dataCategories.label(for: slug) == "passport scans")
        #expect(throws: InputError.self) { _ = try Vocabulary.dataCategories.parse("other:", field: "f") }
    }

    @Test(
        "an unknown slug suggests the closest",
        arguments: [
            ("emial", "email-addresses"), ("chat", "chat-transcripts"), ("ip-address", "ip-addresses"), ("end-user", "end-users"),
        ])
    func suggestions(input: String, expected: String) {
        let vocabulary: Vocabulary = expected == "end-users" ? .subjectCategories : .dataCategories
        let error = #expect(throws: InputError.self) { _ = try vocabulary.parse(input, field: "--data-category") }
        #expect(error?.problem.contains(expected) == true)
    }

    @Test("nonsense gets no suggestion but still a way out")
    func nonsense() {
        let error = #expect(throws: InputError.self) { _ = try Vocabulary.dataCategories.parse("xyzzy", field: "--data-category") }
        #expect(error?.problem.contains("did you mean") == false)
        #expect(error?.next == .listCategories)
    }
}
