import IncidentCore

extension PostgresRegister {
    /// Re-computes the hash chain and replays every event against the projections (the same `ChainReplay` as
    /// SQLite), checks the triggers that keep events append-only, that `chain_head` is the last event, and every
    /// reference between tables (a superuser can switch the server's own checks off).
    public func verify() throws -> VerifyReport {
        try read {
            var replay = ChainReplay()
            try checkTriggers(&replay)
            let violations = try referenceViolations()
            if violations > 0 { replay.report("foreign_key_check: \(violations) broken references") }
            let session = self.session
            let deadlines = {
                try session.query("SELECT incident_id, customer, due_by FROM shares").map { row in
                    (incident: try row.text(0), customer: try row.text(1), dueBy: try row.text(2))
                }
            }
            replay.compareAsYouGo(
                ChainReplay.StoredIncidents.read(
                    index: {
                        try session.query("SELECT id, last_seq FROM incidents").map { row in
                            (id: try row.text(0), lastSeq: Int64(try row.int(1)))
                        }
                    },
                    deadlines: deadlines, load: { try PostgresProjection.incident($0, in: session) }))
            var after: Int64 = 0
            while true {
                let rows = try session.query(
                    "SELECT \(Self.eventColumns) FROM events WHERE seq > $1 ORDER BY seq LIMIT \(Self.page)",
                    [.int(after)])
                for row in rows {
                    let (content, hash) = try Self.content(row)
                    replay.add(content, storedHash: hash)
                    after = content.seq
                }
                if rows.count < Self.page { break }
            }
            replay.finish(
                comparingWith: ChainReplay.StoredState(
                    incidents: { Result { try PostgresProjection.all(in: session) } },
                    deadlines: Result { try deadlines() },
                    directory: Result { try PostgresProjection.directory(in: session) },
                    notices: Result {
                        var stored: [String: NoticeVersion] = [:]
                        for row in try session.query("SELECT \(PostgresProjection.noticeColumns) FROM notices n") {
                            let notice = try PostgresProjection.notice(row)
                            stored[NoticesProjection.key(try row.text(0), notice.customer, notice.version)] = notice
                        }
                        return stored
                    }))
            let integrity = try headCheck(against: replay)
            if integrity != "ok" { replay.report("integrity_check: \(integrity)") }
            return replay.report(integrityCheck: integrity, foreignKeyViolations: violations)
        }
    }

    static let page = 4096

    /// The append-only and head-keeping triggers must all be there and enabled.
    private func checkTriggers(_ replay: inout ChainReplay) throws {
        let rows = try session.query(
            """
            SELECT tgname::text, tgenabled::text FROM pg_trigger
            WHERE NOT tgisinternal AND tgrelid IN ('events'::regclass, 'chain_head'::regclass) ORDER BY tgname
            """)
        var found: [String: String] = [:]
        for row in rows { found[try row.text(0)] = try row.text(1) }
        for name in Set(PostgresSchema.triggers).union(found.keys).sorted() {
            switch found[name] {
            case nil: replay.report("schema: trigger \(name) was removed")
            case _ where !PostgresSchema.triggers.contains(name): replay.report("schema: trigger \(name) was added")
            case "D"?: replay.report("schema: trigger \(name) is disabled")
            default: break
            }
        }
    }

    /// Rows that point at something missing: the server enforces these, unless someone switched its checks off.
    private func referenceViolations() throws -> Int {
        let checks = [
            "SELECT count(*) FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.seq = i.last_seq)",
            "SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.seq = c.added_seq)",
            "SELECT count(*) FROM organisation o WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.seq = o.set_seq)",
            "SELECT count(*) FROM subprocessors p WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.seq = p.added_seq)",
            "SELECT count(*) FROM shares s WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = s.incident_id) OR NOT EXISTS (SELECT 1 FROM customers c WHERE c.slug = s.customer)",
            "SELECT count(*) FROM notices n WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = n.incident_id) OR NOT EXISTS (SELECT 1 FROM customers c WHERE c.slug = n.customer) OR NOT EXISTS (SELECT 1 FROM events e WHERE e.seq = n.drafted_seq)",
        ]
        return try checks.reduce(0) { total, sql in total + (try session.query(sql).first?.int(0) ?? 0) }
    }

    /// `chain_head` must be the last event: writers lock it, so a head that lags would let the chain fork.
    private func headCheck(against replay: ChainReplay) throws -> String {
        guard let row = try session.query("SELECT seq, hash FROM chain_head WHERE id = 1").first else { return "chain_head row is missing" }
        let seq = Int64(try row.int(0))
        let hash = try row.text(1)
        return seq == replay.previousSeq && hash == replay.previousHash
            ? "ok" : "chain_head is \(seq) but the last event is \(replay.previousSeq)"
    }
}
