import Foundation
import IncidentCore
import PostgresNIO

extension PostgresRegister {
    /// Least privilege: `owner` owns the tables; `writer` may read everything and append events, and update
    /// only the current-state tables the write path keeps. Both roles must exist; names were checked by the caller.
    public func grantRoles(owner: String, writer: String) throws {
        let tables = [
            "events", "chain_head", "incidents", "customers", "organisation", "shares", "notices", "incident_migrations",
            "subprocessors",
        ]
        try lock.withLock {
            try session.transaction {
                for table in tables { try session.query("ALTER TABLE \(table) OWNER TO \(owner)") }
                for function in ["incident_refuse_change()", "incident_extend_head()"] {
                    try session.query("ALTER FUNCTION \(function) OWNER TO \(owner)")
                }
                try session.query("REVOKE ALL ON \(tables.joined(separator: ", ")) FROM PUBLIC")
                try session.query("GRANT SELECT ON \(tables.joined(separator: ", ")) TO \(writer)")
                try session.query("GRANT INSERT ON events, incidents, customers, organisation, shares, notices, subprocessors TO \(writer)")
                try session.query(
                    "GRANT UPDATE ON chain_head, incidents, customers, organisation, shares, notices, subprocessors TO \(writer)")
                try session.query("REVOKE UPDATE, DELETE, TRUNCATE ON events FROM \(writer)")
            }
        }
    }
}
