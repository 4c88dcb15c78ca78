import Foundation
import Testing

@testable import IncidentCore

@Suite("What changed since the last notice")
struct NoticeChangesTests {
    @Test("each change names its fact and carries its values without words, beside the English words")
    func neutralValues() throws {
        let old = try Fixture.facts()
        var new = old
        new.phase = .mitigate
        new.dataCategories.append(.init(slug: "other:passport scans", label: "passport scans"))
        new.records = 1200
        new.consequences = ["Phishing"]
        let changes = new.changes(since: old)
        #expect(changes.map(\.field) == ["phase", "dataCategories", "records", "consequences"])
        #expect(
            changes[0]
                == .init(
                    item: "Status", before: "investigate", after: "mitigate", field: "phase",
                    beforeValues: ["investigate"], afterValues: ["mitigate"]))
        #expect(changes[1].beforeValues == ["names"] && changes[1].afterValues == ["names", "other:passport scans"])
        #expect(changes[1].after == "Names; passport scans")
        #expect(changes[2].beforeValues == ["10"] && changes[2].afterValues == ["1200"] && changes[2].after == "about 1,200")
        #expect(changes[3].before == "" && changes[3].beforeValues == nil && changes[3].afterValues == ["Phishing"])
    }

    @Test("a change stored before it carried values decodes, and encodes back to the same JSON")
    func oldChangesKeepTheirJSON() throws {
        let stored = #"{"after":"about 5,400","before":"about 1,200","item":"Approximate number of records"}"#
        let change = try CanonicalJSON.decode(NoticeFacts.Change.self, stored)
        #expect(change.field == nil && change.beforeValues == nil && change.afterValues == nil)
        #expect(try CanonicalJSON.encode(change) == stored)
    }
}
