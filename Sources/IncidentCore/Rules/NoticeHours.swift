/// Hours from awareness to a deadline, or between updates: at least one, at most a year.
public enum NoticeHours {
    public static func parse(_ value: Int, field: Field) throws -> Int {
        guard (1...8760).contains(value) else {
            throw InputError(field: field, problem: "\(value) is not a number of hours from 1 to 8760")
        }
        return value
    }
}
