import Testing

@testable import IncidentCore

@Suite("Notice standing")
struct NoticeStandingTests {
    static let aware = Timestamp.utc(year: 2026, month: 11, day: 23, hour: 8)!
    static let due = aware.adding(seconds: 24 * 3600)

    static func share(sentAt: Timestamp? = nil, ruledOut: Bool = false) -> CustomerShare {
        CustomerShare(
            customer: "acme", dataCategories: [], subjectCategories: [], records: nil, subjects: nil, noticeHours: 24,
            affectedAt: aware, ruledOut: ruledOut ? RuledOut(reason: "not ours", at: aware, by: "alice") : nil,
            firstSent: sentAt.map { SentRecord(version: 1, at: $0, dueBy: due, onTime: $0 <= due) })
    }

    @Test(
        "status, minutes late and the words for them",
        arguments: [
            (share(), due.adding(seconds: -60), NoticeStanding.Status.awaitingNotice, Int?.none, ""),
            (share(), due.adding(seconds: 30), .overdue, 1, "overdue by 1 min, no notice sent"),
            (share(), due.adding(seconds: 5 * 3600), .overdue, 300, "overdue by 5 h, no notice sent"),
            (share(sentAt: due), due.adding(seconds: 99_999), .notified, nil, "on time"),
            (share(sentAt: due.adding(seconds: 3 * 3600 + 12 * 60)), due.adding(seconds: 99_999), .notified, 192, "late by 3 h 12 min"),
            (share(sentAt: due.adding(seconds: 1)), due, .notified, 1, "late by 1 min"),
            (share(ruledOut: true), due.adding(seconds: 99_999), .ruledOut, nil, ""),
            (share(sentAt: due.adding(seconds: 600), ruledOut: true), due.adding(seconds: 99_999), .ruledOut, 10, "late by 10 min"),
        ])
    func standing(share: CustomerShare, now: Timestamp, status: NoticeStanding.Status, minutes: Int?, words: String) {
        let standing = NoticeStanding(share: share, awareAt: Self.aware, now: now)
        #expect(standing.status == status)
        #expect(standing.dueBy == Self.due)
        #expect(standing.minutesLate == minutes)
        #expect(standing.timeliness == words)
    }

    @Test("durations", arguments: [(0, "0 min"), (45, "45 min"), (60, "1 h"), (192, "3 h 12 min"), (3000, "50 h")])
    func duration(minutes: Int, text: String) {
        #expect(NoticeStanding.duration(minutes: minutes) == text)
    }
}
