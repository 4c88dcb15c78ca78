import IncidentStore

extension Failure {
    /// A PostgreSQL register's failures: 75 for what may work on retry (server unreachable or gone, writers
    /// colliding), 78 for a URL or login to fix, 66 for a database or register that is not there, 74 for a
    /// register this version cannot use. No message holds a password: `ServerError` never carries one.
    init(server error: ServerError) {
        switch error {
        case .badURL, .authentication, .tls: self.init(error.description, .configuration)
        case .unreachable, .contended: self.init(error.description, .busy)
        case .noDatabase, .noRegister: self.init(error.description, .notFound)
        case .newerSchema, .olderSchema, .permission: self.init(error.description, .unreadable)
        case .server: self.init(error.description, .internalError)
        }
    }

    /// `db copy`: a source that does not verify, or a copy that does not, is an integrity failure; a destination
    /// that already holds events is refused (73, like a file that exists).
    init(copy error: CopyRefusal) {
        switch error {
        case .sourceInvalid, .destinationInvalid: self.init(error.description, .integrityFailure)
        case .destinationHasEvents, .sameRegister: self.init(error.description, .cannotCreate)
        }
    }
}
