import Foundation
import IncidentCore

/// Reading values back from the register's tables. A value that does not parse was not written by this
/// program, so it is reported as damage (exit 68), never as a mistake in what the user typed.
enum Stored {
    static func time(_ text: String) throws -> Timestamp {
        guard let time = Timestamp.stored(text) else { throw StoreError.damaged(reason: "'\(text)' is not a stored time") }
        return time
    }

    static func value<T: RawRepresentable>(_ type: T.Type, _ text: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else { throw StoreError.damaged(reason: "'\(text)' is not a stored \(T.self)") }
        return value
    }

    static func json<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        do { return try CanonicalJSON.decode(type, text) } catch {
            throw StoreError.damaged(reason: "stored JSON is not a \(T.self)")
        }
    }

    static func id(_ text: String) throws -> IncidentID {
        // Only the canonical form: `inc-2026-1` would read as INC-2026-0001 here but match nothing in SQL look-ups.
        guard let id = try? IncidentID.parse(text), id.description == text else {
            throw StoreError.damaged(reason: "'\(text)' is not a stored incident id (ids are stored as INC-YYYY-NNNN)")
        }
        return id
    }
}
