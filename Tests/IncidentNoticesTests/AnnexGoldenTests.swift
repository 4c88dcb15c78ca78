import Foundation
import Testing

@testable import IncidentCore
@testable import IncidentNotices

/// The controller annex (`--format edpb`) of each notice kind, against Golden/annex/<kind>.edpb.json.
/// Keys and coded values are the same in every language, so one customer (in German, in Berlin) stands for all.
/// Re-record with `INCIDENT_RECORD_GOLDEN=1 swift test --filter AnnexGoldenTests`.
@Suite("Golden controller annexes")
struct AnnexGoldenTests {
    static let aware = Timestamp.utc(year: 2026, month: 11, day: 23, hour: 8)!

    /// The incident's events as the annex reads them: logged with a breach type, the customer (and another one)
    /// affected, notices drafted and sent; an integrity type added only after the update was drafted.
    static func context(_ notices: [NoticeVersion]) -> AnnexContext {
        let id = IncidentID(year: 2026, number: 7)
        var events: [IncidentEvent] = []
        func add(_ payload: EventPayload, hours: Int64) {
            let at = aware.adding(seconds: hours * 3600)
            events.append(
                IncidentEvent(incident: id, number: events.count + 1, payload: payload, actor: "alice", recordedAt: at, occurredAt: at))
        }
        add(.logged(Logged(title: "t", nature: "n", awareAt: aware, breachTypes: [.confidentiality])), hours: 0)
        add(
            .affected(
                Affected(customer: "acme-gmbh", dataCategories: [], subjectCategories: [], records: nil, subjects: nil, noticeHours: 24)),
            hours: 1)
        add(
            .affected(Affected(customer: "globex", dataCategories: [], subjectCategories: [], records: 99, subjects: 9, noticeHours: 48)),
            hours: 1)
        for notice in notices {
            add(.noticeDrafted(notice), hours: 6)
            add(
                .noticeSent(
                    NoticeSent(
                        customer: "acme-gmbh", version: notice.version, via: "email", dueBy: aware.adding(seconds: 86_400), onTime: true)),
                hours: 7)
            add(.noticeSent(NoticeSent(customer: "globex", version: notice.version, via: "email", dueBy: aware, onTime: false)), hours: 7)
            if notice.kind == .update {
                var body = Updated()
                body.breachTypes = [.integrity]
                add(.updated(body), hours: 8)
            }
        }
        return AnnexContext(events: events, regions: ["acme-gmbh": ["de"], "globex": ["us"]])
    }

    @Test("the annex matches the golden file", arguments: NoticeKind.allCases)
    func golden(kind: NoticeKind) throws {
        let notices = try NoticeKind.allCases.prefix { $0 != kind }.map(Self.notice) + [Self.notice(kind)]
        let output = try Self.context(notices).render(notices.last!)
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Golden/annex/\(kind.rawValue).edpb.json")
        if ProcessInfo.processInfo.environment["INCIDENT_RECORD_GOLDEN"] == "1" {
            if (try? String(contentsOf: url, encoding: .utf8)) != output {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try output.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("re-recorded annex/\(url.lastPathComponent); review the diff, then run again without INCIDENT_RECORD_GOLDEN")
            }
            return
        }
        let expected = try #require(
            try? String(contentsOf: url, encoding: .utf8), "missing \(url.path); record it with INCIDENT_RECORD_GOLDEN=1")
        #expect(output == expected)
        #expect(!output.contains("globex"), "the annex names another customer")
    }

    static func notice(_ kind: NoticeKind) throws -> NoticeVersion {
        try NoticeDrafter(languages: ["de"], overrides: nil).render(GoldenFacts.make(kind, language: "de"))
    }
}
