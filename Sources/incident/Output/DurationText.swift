/// A duration as a responder reads it at a glance: `2d 03h 05m`, `4h 20m`, `35m`, `under 1m`.
enum DurationText {
    static func of(_ seconds: Int64) -> String {
        if seconds < 0 { return "-" + of(-seconds) }
        let minutes = seconds / 60
        if minutes == 0 { return "under 1m" }
        let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if days > 0 { return "\(days)d \(two(hours))h \(two(mins))m" }
        if hours > 0 { return "\(hours)h \(two(mins))m" }
        return "\(mins)m"
    }

    static func of(_ seconds: Int64?) -> String { seconds.map { of($0) } ?? "-" }
}
