import GRDB

/// A row of the register read defensively: each value's storage class is checked before it is used.
///
/// GRDB's subscripts stop the process when a value has the wrong storage class (a blob in a text column,
/// text in an integer column). Nothing this program writes looks like that, but a file edited by hand can,
/// so every read goes through here and such a value becomes `StoreError.damaged` naming the table, the
/// row and the column (exit 68).
struct StoredRow {
    let row: Row
    let table: String
    let key: String

    /// `keys` are the columns that name the row in a message (its primary key).
    init(_ row: Row, table: String, keys: [String]) {
        self.row = row
        self.table = table
        self.key = keys.map { (row[$0] as DatabaseValue?).flatMap(SchemaCheck.text) ?? "NULL" }.joined(separator: "/")
    }

    /// The value in `column` as `T` (which may be an optional), or a damage report.
    func callAsFunction<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        let value: DatabaseValue = (row[column] as DatabaseValue?) ?? .null
        guard let result = T.fromDatabaseValue(value) else {
            throw StoreError.damaged(
                reason: "\(table) row \(key), column \(column): holds \(Self.describe(value)) where \(Self.expected(T.self)) belongs")
        }
        return result
    }

    /// The value at a position, for rows selected by position (the events table).
    func at<T: DatabaseValueConvertible>(_ index: Int, _ column: String, as type: T.Type = T.self) throws -> T {
        let value: DatabaseValue = row[index]
        guard let result = T.fromDatabaseValue(value) else {
            throw StoreError.damaged(
                reason: "\(table) row \(key), column \(column): holds \(Self.describe(value)) where \(Self.expected(T.self)) belongs")
        }
        return result
    }

    static func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64(let n): "the integer \(n)"
        case .double(let d): "the real number \(d)"
        case .string(let s): "the text '\(s.prefix(40))'"
        case .blob(let data): "a blob of \(data.count) byte(s)"
        }
    }

    static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is String?.Type: "text"
        case is Int.Type, is Int?.Type, is Int64.Type, is Int64?.Type: "an integer"
        default: "a value of another kind"
        }
    }
}
