import IncidentCore

/// The `Date:` header value, such as `Mon, 23 Nov 2026 09:05:00 +0100`, from the register's own calendar.
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
        let t = Timestamp(seconds: utc).calendar(offsetSeconds: offsetMinutes * 60)
        let sign = offsetMinutes < 0 ? "-" : "+"
        return "\(days[t.weekday]), \(pad(t.day, 2)) \(months[t.month - 1]) \(pad(t.year, 4)) "
            + "\(pad(t.hour, 2)):\(pad(t.minute, 2)):\(pad(t.second, 2)) "
            + "\(sign)\(pad(abs(offsetMinutes) / 60, 2))\(pad(abs(offsetMinutes) % 60, 2))"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
