import Testing

@testable import IncidentCore

/// Issue 10, item 10: a leap second is refused rather than stored as :59, and offsets stop at -12:00 and +14:00.
@Suite("Times: leap seconds and offsets")
struct TimeEdgeTests {
    let now = Timestamp.utc(year: 2026, month: 11, day: 23, hour: 12)!

    @Test(
        "second 60 is refused with its own message",
        arguments: ["2026-11-23T11:30:60Z", "2026-11-23T12:30:60+01:00", "2026-06-30T23:59:60Z"])
    func leapSecond(input: String) {
        let error = #expect(throws: InputError.self) { _ = try Timestamp.parse(input, field: "--at", now: now) }
        #expect(error?.problem.contains("second 60") == true, "\(String(describing: error))")
        #expect(Timestamp.stored(input) == nil)
    }

    @Test(
        "offsets beyond -12:00 and +14:00 are refused",
        arguments: [
            "2026-11-23T10:00:00+14:01", "2026-11-23T10:00:00+18:00", "2026-11-23T10:00:00-12:01", "2026-11-23T10:00:00-18:00",
            "2026-11-23T10:00:00+15:00",
        ])
    func offsets(input: String) {
        let error = #expect(throws: InputError.self) { _ = try Timestamp.parse(input, field: "--at", now: now) }
        #expect(error?.problem.contains("-12:00 to +14:00") == true, "\(String(describing: error))")
    }

    @Test(
        "the real extremes are accepted",
        arguments: [("2026-11-23T10:00:00+14:00", "2026-11-22T20:00:00Z"), ("2026-11-22T10:00:00-12:00", "2026-11-22T22:00:00Z")])
    func extremes(input: String, stored: String) throws {
        #expect(try Timestamp.parse(input, field: "--at", now: now).iso8601 == stored)
    }
}
