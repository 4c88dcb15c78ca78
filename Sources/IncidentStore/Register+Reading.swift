import Foundation
import GRDB
import IncidentCore

/// Reading: the directory, the chain's head, incidents, lists and timelines, each in one read transaction.
extension Register {
    public func directory() throws -> Directory {
        try read { try DirectoryProjection.load(in: $0) }
    }

    public var location: String { path }

    /// The hash of the event at `sequence` in the chain, if it exists.
    public func hash(at sequence: Int64) throws -> String? {
        try read { try String.fetchOne($0, sql: "SELECT hash FROM events WHERE seq = ?", arguments: [sequence]) }
    }

    /// The chain's head now: what `incident checkpoint` prints.
    public func head() throws -> Checkpoint {
        try read { try EventLog.head(in: $0) }
    }

    public func incident(_ id: IncidentID) throws -> Incident {
        guard let incident = try read({ try Projection.incident(id, in: $0) }) else {
            throw StoreError.notFound(id: id.description)
        }
        return incident
    }

    public func list(_ filter: ListFilter) throws -> [IncidentSummary] {
        try read { try IncidentSummary.fetch(filter, in: $0) }
    }

    public func timeline(_ id: IncidentID) throws -> [TimelineEntry] {
        try read { db in
            let entries = try TimelineEntry.fetch(id, in: db)
            if entries.isEmpty { throw StoreError.notFound(id: id.description) }
            return entries
        }
    }
}
