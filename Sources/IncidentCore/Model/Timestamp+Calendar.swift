/// A moment's wall-clock fields in one zone: the one calendar the register, notices and mail headers share.
public struct CalendarTime: Equatable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// 0 for Sunday through 6 for Saturday.
    public var weekday: Int
}

extension Timestamp {
    /// The fields of this moment at `offsetSeconds` east of UTC (0 for UTC itself).
    public func calendar(offsetSeconds: Int = 0) -> CalendarTime {
        let local = seconds + Int64(offsetSeconds)
        let days = Self.floorDiv(local, 86_400)
        let secondOfDay = local - days * 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        // 1970-01-01 was a Thursday.
        let weekday = Int(((days % 7) + 7 + 4) % 7)
        return CalendarTime(
            year: Int(year), month: Int(month), day: Int(day), hour: Int(secondOfDay / 3600),
            minute: Int(secondOfDay % 3600 / 60), second: Int(secondOfDay % 60), weekday: weekday)
    }
}
