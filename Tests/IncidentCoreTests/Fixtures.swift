@testable import IncidentCore

/// A small world for engine tests: a fixed clock and helpers to drive an incident through events.
enum Fixture {
    static let now = Timestamp.utc(year: 2026, month: 11, day: 23, hour: 12)!
    static let context = Context(actor: "alice", now: now)
    static let id = IncidentID(year: 2026, number: 1)

    static func logged(nature: String = "Credentials phished and used to read chat transcripts") throws -> Incident {
        let body = Logged(title: "Phished agent", nature: nature, severity: .high, awareAt: now.adding(seconds: -3600))
        return try Incident.started(by: Workflow.log(body, id: id, context: context))
    }

    static func action(_ incident: Incident, _ text: String = "did something") throws -> Incident {
        var body = Updated()
        body.action = ActionTaken(text: text, kind: incident.phase.defaultActionKind, phase: incident.phase)
        return try incident.applying(Workflow.update(incident, with: body, context: context))
    }

    /// The facts of a first notice to one customer of a freshly logged incident.
    static func facts() throws -> NoticeFacts {
        let customer = Customer(slug: "acme", name: "Acme GmbH", emails: ["dpo@acme.example"], timeZone: "Europe/Berlin")
        var incident = try logged()
        let directory = Directory(customers: ["acme": customer])
        for event in try Workflow.affect(
            incident,
            [
                ShareProposal(
                    customer: "acme", dataCategories: ["names"], subjectCategories: ["end-users"],
                    records: 10, subjects: 5)
            ], directory: directory, context: context)
        {
            try incident.apply(event)
        }
        return NoticeFacts.build(
            incident: incident, share: incident.shares[0], customer: customer,
            organisation: Organisation(name: "Us", email: "security@us.example"),
            kind: .initial, version: 1, draftedAt: now, checkpoint: Checkpoint(events: 2, hash: String(repeating: "a", count: 64)),
            lastSent: nil)
    }

    static func advance(_ incident: Incident) throws -> Incident {
        try incident.applying(Workflow.advance(incident, note: "ready", context: context))
    }

    /// An incident in `phase`, each phase before it completed properly.
    static func incident(in phase: Phase) throws -> Incident {
        var incident = try logged()
        while incident.phase != phase {
            if incident.phase == .restore {
                incident = try action(incident)
                incident = try incident.applying(Workflow.close(incident, summary: "done", context: context))
            } else {
                if incident.phase != .investigate { incident = try action(incident) }
                incident = try advance(incident)
            }
        }
        return incident
    }
}
