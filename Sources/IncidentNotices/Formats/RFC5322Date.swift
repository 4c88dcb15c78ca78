/// The `Date:` header value, such as `Mon, 23 Nov 2026 09:05:00 +0100`, without a calendar library.
enum RFC5322Date {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Formats a moment in the zone `utcOffsetSeconds` east of UTC.
    ///
    /// The offset is cut to whole minutes, because the header cannot show seconds and the wall time
    /// shown must agree with it. Moments outside years 1–9999 are clamped so the year keeps four digits.
    static func string(seconds: Int64, utcOffsetSeconds: Int) -> String {
        let offsetMinutes = max(-(24 * 60 - 1), min(24 * 60 - 1, utcOffsetSeconds / 60))
        let utc = max(-62_135_596_800 + 86_400, min(253_402_300_799 - 86_400, seconds))
        let local = utc + Int64(offsetMinutes) * 60
        let day = floorDiv(local, 86_400)
        let second = local - day * 86_400
        let (year, month, dayOfMonth) = civil(fromDays: day)
        let weekday = Int(((day % 7) + 7 + 4) % 7)  // 1970-01-01 was a Thursday
        let sign = offsetMinutes < 0 ? "-" : "+"
        return "\(days[weekday]), \(pad(dayOfMonth, 2)) \(months[Int(month) - 1]) \(pad(year, 4)) "
            + "\(pad(second / 3600, 2)):\(pad(second % 3600 / 60, 2)):\(pad(second % 60, 2)) "
            + "\(sign)\(pad(Int64(abs(offsetMinutes) / 60), 2))\(pad(Int64(abs(offsetMinutes) % 60), 2))"
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    // Howard Hinnant's days-to-civil algorithm, exact for the proleptic Gregorian calendar. It mirrors
    // IncidentCore's internal Timestamp.civil(fromDays:), which this target cannot see.
    private static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }
}
