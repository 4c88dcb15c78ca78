import Foundation
import IncidentCore
import Testing

@testable import IncidentStore

@Suite("The hand-written decoder of updated payloads agrees with JSONDecoder")
struct UpdatedPayloadDecoderTests {
    static func updated(_ change: (inout Updated) -> Void) -> Updated {
        var value = Updated()
        change(&value)
        return value
    }

    /// Payloads as the register writes them: each must read exactly as `JSONDecoder` reads it.
    static let written: [Updated] = [
        updated { $0.note = "Session tokens revoked" },
        updated { $0.note = "quote \" backslash \\ slash / tab \t newline \n bell \u{7} nul \u{0} é 😀 \u{2028}" },
        updated { $0.action = ActionTaken(text: "Rotated keys", kind: .containment, phase: .contain) },
        updated {
            $0.consequences = ["loss of confidentiality"]
            $0.dataCategories = ["e-mail addresses", "names"]
            $0.subjectCategories = ["customers' end users"]
            $0.systems = ["crm"]
            $0.regions = ["EU"]
        },
        updated {
            $0.records = Change(from: nil, to: 12)
            $0.subjects = Change(from: 3, to: -4)
            $0.title = Change(from: "Old", to: "New")
            $0.nature = Change(from: nil, to: "Phishing")
            $0.source = Change(from: "a", to: "b")
            $0.severity = Change(from: .low, to: .critical)
            $0.awareAt = Change(from: Timestamp(seconds: 0), to: Timestamp(seconds: 1_790_000_000))
            $0.occurredFrom = Change(from: nil, to: Timestamp(seconds: 1_700_000_000))
            $0.occurredTo = Change(from: nil, to: Timestamp(seconds: 1_700_000_060))
            $0.detectedAt = Change(from: nil, to: Timestamp(seconds: 1_700_000_120))
        },
    ]

    @Test("every payload the register writes reads the same", arguments: written)
    func agrees(_ value: Updated) throws {
        let body = try CanonicalJSON.encode(value)
        #expect(UpdatedPayloadDecoder.decode(body) == value)
        #expect(try CanonicalJSON.decode(Updated.self, body) == value)
    }

    /// Text the hand-written decoder leaves to `JSONDecoder`: whatever it gives up on, never a different reading.
    @Test(
        "anything outside the canonical form is left to JSONDecoder",
        arguments: [
            "",
            "{}",
            "[]",
            #"{"consequences":[],"dataCategories":[],"regions":[],"subjectCategories":[]}"#,
            #"{ "consequences":[],"dataCategories":[],"regions":[],"subjectCategories":[],"systems":[]}"#,
            #"{"consequences":[],"dataCategories":[],"regions":[],"subjectCategories":[],"systems":[],"extra":1}"#,
            #"{"consequences":[],"consequences":[],"dataCategories":[],"regions":[],"subjectCategories":[],"systems":[]}"#,
            #"{"consequences":[],"dataCategories":[],"records":{"to":1.0},"regions":[],"subjectCategories":[],"systems":[]}"#,
            #"{"consequences":[],"dataCategories":[],"records":{"to":01},"regions":[],"subjectCategories":[],"systems":[]}"#,
            #"{"consequences":[],"dataCategories":[],"records":{"to":99999999999999999999},"regions":[],"subjectCategories":[],"systems":[]}"#,
            #"{"consequences":[],"dataCategories":[],"note":"\ud800","regions":[],"subjectCategories":[],"systems":[]}"#,
            #"{"consequences":[],"dataCategories":[],"note":"\x","regions":[],"subjectCategories":[],"systems":[]}"#,
            #"{"action":{"kind":"nope","phase":"contain","text":"t"},"consequences":[],"dataCategories":[],"regions":[],"subjectCategories":[],"systems":[]}"#,
            #"{"consequences":[],"dataCategories":[],"regions":[],"severity":{"to":"huge"},"subjectCategories":[],"systems":[]}"#,
            #"{"awareAt":{"to":"yesterday"},"consequences":[],"dataCategories":[],"regions":[],"subjectCategories":[],"systems":[]}"#,
            #"{"consequences":[],"dataCategories":[],"regions":[],"subjectCategories":[],"systems":[]} "#,
            "{\"consequences\":[],\"dataCategories\":[],\"note\":\"a\u{1}b\",\"regions\":[],\"subjectCategories\":[],\"systems\":[]}",
        ])
    func givesUp(_ body: String) {
        #expect(UpdatedPayloadDecoder.decode(body) == nil)
    }

    @Test("escapes and null read as JSONDecoder reads them")
    func escapes() throws {
        let body =
            #"{"action":null,"consequences":[],"dataCategories":["a\/b","\u00e9\ud83d\ude00"],"note":null,"records":{"from":null,"to":0},"regions":[],"subjectCategories":[],"systems":[]}"#
        let expected = try CanonicalJSON.decode(Updated.self, body)
        #expect(UpdatedPayloadDecoder.decode(body) == expected)
        #expect(expected.dataCategories == ["a/b", "é😀"])
    }
}
