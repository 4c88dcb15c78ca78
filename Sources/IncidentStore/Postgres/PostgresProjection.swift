import IncidentCore
import PostgresNIO

/// The PostgreSQL current-state tables, written in the same transaction as the events and read back as values.
///
/// Each incident, share, customer and notice is kept as the canonical JSON of its value beside the columns that
/// queries filter on. On reading, those columns override the JSON, so a column edited behind the program's back
/// shows up in `verify` as a field that differs from the replay.
enum PostgresProjection {
    // MARK: Writing

    /// Writes the state after a batch of events on one incident: the incident row once, the shares the events
    /// touched, and each notice event in order.
    static func write(_ incident: Incident, after events: [(event: IncidentEvent, seq: Int64)], in session: PostgresSession) throws {
        guard let last = events.last else { return }
        var stripped = incident
        stripped.shares = []
        try session.query(
            """
            INSERT INTO incidents (id, year, number, title, severity, phase, aware_at, updated_at, source, records, subjects, state, last_seq)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, severity = excluded.severity, phase = excluded.phase,
                aware_at = excluded.aware_at, updated_at = excluded.updated_at, source = excluded.source,
                records = excluded.records, subjects = excluded.subjects, state = excluded.state, last_seq = excluded.last_seq
            """,
            [
                .text(incident.id.description), .int(Int64(incident.id.year)), .int(Int64(incident.id.number)), .text(incident.title),
                .text(incident.severity.rawValue), .text(incident.phase.rawValue), .text(incident.awareAt.iso8601),
                .text(incident.updatedAt.iso8601), .text(incident.source), .int(incident.records.map(Int64.init)),
                .int(incident.subjects.map(Int64.init)), .text(try CanonicalJSON.encode(stripped)), .int(last.seq),
            ])
        var positions = Set<Int>()
        for (event, _) in events { positions.formUnion(SharesProjection.touched(by: event, in: incident)) }
        for position in positions.sorted() {
            let share = incident.shares[position]
            try session.query(
                """
                INSERT INTO shares (incident_id, customer, position, due_by, ruled_out, first_sent, drafted_versions, last_sent_version, state)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT (incident_id, customer) DO UPDATE SET position = excluded.position, due_by = excluded.due_by,
                    ruled_out = excluded.ruled_out, first_sent = excluded.first_sent, drafted_versions = excluded.drafted_versions,
                    last_sent_version = excluded.last_sent_version, state = excluded.state
                """,
                [
                    .text(incident.id.description), .text(share.customer), .int(Int64(position)),
                    .text(share.dueBy(awareAt: incident.awareAt).iso8601), .text(try share.ruledOut.map(CanonicalJSON.encode)),
                    .text(try share.firstSent.map(CanonicalJSON.encode)), .int(Int64(share.draftedVersions)),
                    .int(share.lastSentVersion.map(Int64.init)), .text(try CanonicalJSON.encode(share)),
                ])
        }
        for (event, seq) in events { try writeNotice(after: event, seq: seq, in: session) }
    }

    /// A drafted notice is inserted; a sent one gets its sending stamp. What each holds comes from
    /// `NoticesProjection.replay`, the rule the verifier checks against.
    private static func writeNotice(after event: IncidentEvent, seq: Int64, in session: PostgresSession) throws {
        var notices: [String: NoticeVersion] = [:]
        switch event.payload {
        case .noticeDrafted:
            NoticesProjection.replay(event, into: &notices)
            guard let notice = notices.values.first, let drafted = notice.drafted else { return }
            try session.query(
                """
                INSERT INTO notices (incident_id, customer, version, kind, body, drafted_at, drafted_by, drafted_seq)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                """,
                [
                    .text(event.incident.description), .text(notice.customer), .int(Int64(notice.version)), .text(notice.kind.rawValue),
                    .text(try CanonicalJSON.encode(notice)), .text(drafted.at.iso8601), .text(drafted.by), .int(seq),
                ])
        case .noticeSent(let body):
            let key = NoticesProjection.key(event.incident.description, body.customer, body.version)
            notices[key] = try storedNotice(event.incident, customer: body.customer, version: body.version, in: session)
            NoticesProjection.replay(event, into: &notices)
            guard let sent = notices[key]?.sent else { return }
            try session.query(
                """
                UPDATE notices SET sent_at = $1, sent_by = $2, sent_via = $3 WHERE incident_id = $4 AND customer = $5 AND version = $6
                """,
                [
                    .text(sent.at.iso8601), .text(sent.by), .text(sent.via), .text(event.incident.description), .text(body.customer),
                    .int(Int64(body.version)),
                ])
        default:
            return
        }
    }

    static func write(_ event: DirectoryEvent, seq: Int64, in session: PostgresSession) throws {
        switch event.payload {
        case .customerAdded(let customer):
            try session.query(
                "INSERT INTO customers (slug, state, added_seq) VALUES ($1, $2, $3)",
                [.text(customer.slug), .text(try CanonicalJSON.encode(customer)), .int(seq)])
        case .customerEdited(let customer):
            try session.query(
                "UPDATE customers SET state = $2 WHERE slug = $1", [.text(customer.slug), .text(try CanonicalJSON.encode(customer))])
        case .organisationSet(let organisation):
            try session.query(
                """
                INSERT INTO organisation (id, body, set_seq) VALUES (1, $1, $2)
                ON CONFLICT (id) DO UPDATE SET body = excluded.body, set_seq = excluded.set_seq
                """, [.text(try CanonicalJSON.encode(organisation)), .int(seq)])
        case .subprocessorAdded(let subprocessor):
            try session.query(
                "INSERT INTO subprocessors (slug, state, added_seq) VALUES ($1, $2, $3)",
                [.text(subprocessor.slug), .text(try CanonicalJSON.encode(subprocessor)), .int(seq)])
        case .subprocessorEdited(let subprocessor):
            try session.query(
                "UPDATE subprocessors SET state = $2 WHERE slug = $1",
                [.text(subprocessor.slug), .text(try CanonicalJSON.encode(subprocessor))])
        }
    }

    // MARK: Reading

    static let incidentColumns = "id, title, severity, phase, aware_at, updated_at, source, records, subjects, state"

    /// One incident with its shares, or nil.
    static func incident(_ id: IncidentID, in session: PostgresSession) throws -> Incident? {
        guard let row = try session.query("SELECT \(incidentColumns) FROM incidents WHERE id = $1", [.text(id.description)]).first else {
            return nil
        }
        let shares = try session.query(
            "SELECT \(shareColumns) FROM shares WHERE incident_id = $1 ORDER BY position",
            [.text(id.description)]
        ).map { try share($0, offset: 0) }
        return try decodeIncident(row, shares: shares)
    }

    /// Every incident, for `verify`: two scans grouped in memory.
    static func all(in session: PostgresSession) throws -> [IncidentID: Incident] {
        var shares: [String: [CustomerShare]] = [:]
        for row in try session.query("SELECT incident_id, \(shareColumns) FROM shares ORDER BY incident_id, position") {
            shares[try row.text(0), default: []].append(try share(row, offset: 1))
        }
        var result: [IncidentID: Incident] = [:]
        for row in try session.query("SELECT \(incidentColumns) FROM incidents") {
            let incident = try decodeIncident(row, shares: shares[try row.text(0)] ?? [])
            result[incident.id] = incident
        }
        return result
    }

    private static func decodeIncident(_ row: PostgresRandomAccessRow, shares: [CustomerShare]) throws -> Incident {
        var incident = try Stored.json(Incident.self, try row.text(9))
        incident.id = try Stored.id(try row.text(0))
        incident.title = try row.text(1)
        incident.severity = try Stored.value(Severity.self, try row.text(2))
        incident.phase = try Stored.value(Phase.self, try row.text(3))
        incident.awareAt = try Stored.time(try row.text(4))
        incident.updatedAt = try Stored.time(try row.text(5))
        incident.source = try row.text(6)
        incident.records = try row.optionalInt(7)
        incident.subjects = try row.optionalInt(8)
        incident.shares = shares
        return incident
    }

    static let shareColumns = "customer, ruled_out, first_sent, drafted_versions, last_sent_version, state"

    private static func share(_ row: PostgresRandomAccessRow, offset: Int) throws -> CustomerShare {
        var share = try Stored.json(CustomerShare.self, try row.text(offset + 5))
        share.customer = try row.text(offset)
        share.ruledOut = try row.optionalText(offset + 1).map { try Stored.json(RuledOut.self, $0) }
        share.firstSent = try row.optionalText(offset + 2).map { try Stored.json(SentRecord.self, $0) }
        share.draftedVersions = try row.int(offset + 3)
        share.lastSentVersion = try row.optionalInt(offset + 4)
        return share
    }

    static func directory(in session: PostgresSession) throws -> Directory {
        var directory = Directory()
        for row in try session.query("SELECT slug, state FROM customers") {
            var customer = try Stored.json(Customer.self, try row.text(1))
            customer.slug = try row.text(0)
            directory.customers[customer.slug] = customer
        }
        for row in try session.query("SELECT slug, state FROM subprocessors") {
            var subprocessor = try Stored.json(Subprocessor.self, try row.text(1))
            subprocessor.slug = try row.text(0)
            directory.subprocessors[subprocessor.slug] = subprocessor
        }
        if let row = try session.query("SELECT body FROM organisation WHERE id = 1").first {
            directory.organisation = try Stored.json(Organisation.self, try row.text(0))
        }
        return directory
    }

    static let noticeColumns =
        "n.incident_id, n.customer, n.version, n.kind, n.body, n.drafted_at, n.drafted_by, n.sent_at, n.sent_by, n.sent_via"

    /// A notice row selected with `noticeColumns`; the columns override the stored body.
    static func notice(_ row: PostgresRandomAccessRow) throws -> NoticeVersion {
        var notice = try Stored.json(NoticeVersion.self, try row.text(4))
        notice.customer = try row.text(1)
        notice.version = try row.int(2)
        notice.kind = try Stored.value(NoticeKind.self, try row.text(3))
        notice.drafted = Stamp(at: try Stored.time(try row.text(5)), by: try row.text(6))
        notice.sent = try row.optionalText(7).map {
            Sending(at: try Stored.time($0), by: try row.optionalText(8) ?? "", via: try row.optionalText(9))
        }
        return notice
    }

    private static func storedNotice(_ id: IncidentID, customer: String, version: Int, in session: PostgresSession) throws -> NoticeVersion?
    {
        try session.query(
            "SELECT \(noticeColumns) FROM notices n WHERE n.incident_id = $1 AND n.customer = $2 AND n.version = $3",
            [.text(id.description), .text(customer), .int(Int64(version))]
        ).first.map { try notice($0) }
    }
}
