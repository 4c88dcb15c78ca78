import Foundation
import IncidentCore

/// What a backend hands `verify` to compare the replay with: where projection rows must point, the stored
/// incidents one at a time, and the current-state tables read at the end.
extension ChainReplay {
    struct Positions {
        var lastSeq: [IncidentID: Int64] = [:]
        var addedSeq: [String: Int64] = [:]
        /// Each subprocessor's `added_seq`.
        var subprocessorSeq: [String: Int64] = [:]
        var setSeq: Int64?
        /// Keyed by `NoticesProjection.key`.
        var draftedSeq: [String: Int64] = [:]
    }

    /// The stored incidents as a backend offers them for comparison one at a time: every incident's `last_seq`
    /// (read before the walk), its stored deadlines, and a way to load one incident with its notes and actions.
    struct StoredIncidents {
        var lastSeq: [IncidentID: Int64]
        /// Keyed by incident id as stored: customer and due-by text.
        var deadlines: [String: [(customer: String, dueBy: String)]]
        var load: (IncidentID) throws -> Incident?

        /// Reads the index through `index` and `deadlines`; nil when either cannot be read (then `verify`
        /// compares everything at the end, as it always did, and reports what it cannot read there).
        static func read(
            index: () throws -> [(id: String, lastSeq: Int64)],
            deadlines: () throws -> [(incident: String, customer: String, dueBy: String)],
            load: @escaping (IncidentID) throws -> Incident?
        ) -> StoredIncidents? {
            do {
                var lastSeq: [IncidentID: Int64] = [:]
                for row in try index() { lastSeq[try Stored.id(row.id)] = row.lastSeq }
                var grouped: [String: [(customer: String, dueBy: String)]] = [:]
                for row in try deadlines() { grouped[row.incident, default: []].append((row.customer, row.dueBy)) }
                return StoredIncidents(lastSeq: lastSeq, deadlines: grouped, load: load)
            } catch {
                return nil
            }
        }
    }

    /// What a backend read from its current-state tables; a failure to read one part is itself a finding.
    /// `incidents` is read only when some incident could not be settled during the walk.
    struct StoredState {
        var incidents: () -> Result<[IncidentID: Incident], any Error>
        /// Each share's stored deadline (`list --overdue` reads it): incident id, customer, due-by text.
        var deadlines: Result<[(incident: String, customer: String, dueBy: String)], any Error>
        var directory: Result<Directory, any Error>
        /// Keyed by `NoticesProjection.key`.
        var notices: Result<[String: NoticeVersion], any Error>
    }
}
