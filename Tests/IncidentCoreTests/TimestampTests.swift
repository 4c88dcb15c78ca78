import Testing

@testable import IncidentCore

@Suite("Times")
struct TimestampTests {
    let now = Timestamp.utc(year: 2026, month: 11, day: 23, hour: 12)!

    @Test(
        "accepted forms are stored in UTC",
        arguments: [
            ("2026-11-23T14:05:00Z", "2026-11-23T14:05:00Z"),
            ("2026-11-23T15:05:00+01:00", "2026-11-23T14:05:00Z"),
            ("2026-11-23T09:05:00-0500", "2026-11-23T14:05:00Z"),
            ("2026-11-23T14:05Z", "2026-11-23T14:05:00Z"),
            ("2026-11-23T14:05:00.987Z", "2026-11-23T14:05:00Z"),
            ("2026-11-24T00:30:00+05:30", "2026-11-23T19:00:00Z"),
            ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z"),
            ("2000-01-01T00:00:00+14:00", "1999-12-31T10:00:00Z"),
            ("now", "2026-11-23T12:00:00Z"),
            ("NOW", "2026-11-23T12:00:00Z"),
        ])
    func accepted(input: String, stored: String) throws {
        #expect(try Timestamp.parse(input, field: "--at", now: now).iso8601 == stored)
    }

    @Test("a time without an offset is refused with a hint", arguments: ["2026-11-23T14:05:00", "2026-11-23 14:05"])
    func noOffset(input: String) {
        let error = #expect(throws: InputError.self) { _ = try Timestamp.parse(input, field: "--aware-at", now: now) }
        #expect(error?.field == "--aware-at")
        #expect(error?.problem.contains("no UTC offset") == true)
    }

    @Test(
        "malformed or impossible times are refused",
        arguments: [
            "", "yesterday", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2026-11-23T24:00:00Z",
            "2026-11-23T14:60:00Z", "2026-11-23", "2026-11-23T14:05:00+25:00", "2026-11-23T14:05:00Zjunk", "20261123T140500Z",
            "2026-11-23T14:05:00.Z", "١٢٣٤-11-23T14:05:00Z", "1969-12-31T23:59:59Z",
        ])
    func refused(input: String) {
        #expect(throws: InputError.self) { _ = try Timestamp.parse(input, field: "--at", now: now) }
    }

    @Test("formatting and parsing agree across centuries", arguments: [0, 86_399, 951_782_400, 1_795_000_000, 4_102_444_800])
    func roundTrip(seconds: Int64) throws {
        let time = Timestamp(seconds: seconds)
        #expect(try Timestamp.parse(time.iso8601, field: "t", now: now) == time)
    }

    @Test("the year is the UTC year")
    func year() throws {
        #expect(try Timestamp.parse("2027-01-01T00:30:00+01:00", field: "t", now: now).year == 2026)
    }
}
