import Foundation
import IncidentCore
import IncidentNotices
import IncidentStore

/// Builds synthetic registers through the real store: the same events, projections and hash chain
/// that the CLI writes, with a fixed clock so every run builds the same register.
enum Generator {
    static let base = Timestamp.utc(year: 2025, month: 1, day: 1)!
    static let categories = Vocabulary.dataCategories.terms.map(\.slug)
    static let severities = Severity.allCases

    /// `count` incidents of about `eventsEach` events; every 100th has five customers with a drafted notice.
    static func register(at path: String, count: Int, eventsEach: Int = 100, log: (String) -> Void) throws {
        let register = try Register(path: path, create: true)
        try seedDirectory(register, customers: 5)
        let directory = try register.directory()
        let drafter = try NoticeDrafter(languages: ["en"], overrides: nil)
        let started = Date()
        for i in 0..<count {
            let now = base.adding(seconds: Int64(i) * 300)
            let context = Context(actor: "bench-\(i % 7)", now: now)
            let body = Logged(
                title: "Synthetic incident \(i)", nature: "Generated for benchmarking: incident \(i)",
                severity: severities[i % 4], awareAt: now, source: i % 3 == 0 ? "Northwind Voice Ltd." : "internal",
                systems: ["system-\(i % 11)"], dataCategories: [categories[i % categories.count]],
                subjectCategories: ["end-users"], records: i % 1000)
            let id = try register.log(body, context: context).id
            // Ends in a phase that cycles, so every phase filter finds about a sixth of the register.
            let target = i % 6
            let checkpoint = try register.head()
            _ = try register.recordMany(id) { incident in
                var state = incident
                var events: [IncidentEvent] = []
                func add(_ event: IncidentEvent) throws {
                    try state.apply(event)
                    events.append(event)
                }
                func add(_ batch: [IncidentEvent]) throws { for event in batch { try add(event) } }
                var steps = 0
                if i % 100 == 0 {
                    let slugs = directory.customers.keys.sorted()
                    try add(
                        Workflow.affect(
                            state, slugs.map { ShareProposal(customer: $0, records: 10, subjects: 5) },
                            directory: directory, context: context))
                    let planned = try Workflow.planNotices(
                        state, customers: slugs, directory: directory, requested: nil,
                        checkpoint: checkpoint, lastSent: [:], now: context.now)
                    try add(Workflow.draft(state, try planned.map(drafter.render), context: context))
                }
                // Notes and actions first; the phase changes come last, because a closed incident takes no updates.
                let reserve = 2 * target
                while state.eventCount < eventsEach - reserve {
                    var update = Updated()
                    update.note = "Progress note \(state.eventCount) on incident \(i)"
                    if state.phase != .investigate || steps % 5 == 0 {
                        update.action = ActionTaken(
                            text: "Step \(state.eventCount)", kind: state.phase.defaultActionKind, phase: state.phase)
                    }
                    try add(Workflow.update(state, with: update, context: context))
                    steps += 1
                }
                for _ in 0..<target {
                    if state.phase != .investigate {
                        var update = Updated()
                        update.action = ActionTaken(
                            text: "Finished \(state.phase)", kind: state.phase.defaultActionKind, phase: state.phase)
                        try add(Workflow.update(state, with: update, context: context))
                    }
                    try add(
                        state.phase == .restore
                            ? Workflow.close(state, summary: "Closed after benchmark steps", context: context)
                            : Workflow.advance(state, note: "Phase done", context: context))
                }
                return events
            }
            if i > 0 && i % 1000 == 0 {
                log("  \(i) incidents, \(String(format: "%.0f", Double(i) / Date().timeIntervalSince(started))) incidents/s")
            }
        }
    }

    /// One incident with `customers` customers affected, for the notice batch benchmarks.
    static func batch(at path: String, customers: Int) throws -> String {
        let register = try Register(path: path, create: true)
        try seedDirectory(register, customers: customers)
        let context = Context(actor: "bench", now: base)
        let body = Logged(
            title: "Subprocessor breach affecting many customers", nature: "A subprocessor's storage was exposed",
            severity: .high, awareAt: base, source: "Northwind Voice Ltd.", dataCategories: ["chat-transcripts", "names"],
            subjectCategories: ["end-users"], consequences: ["Transcripts may have been read"])
        let id = try register.log(body, context: context).id
        let directory = try register.directory()
        let proposals = directory.customers.keys.sorted().map {
            ShareProposal(customer: $0, dataCategories: ["chat-transcripts"], subjectCategories: ["end-users"], records: 100, subjects: 20)
        }
        _ = try register.recordMany(id) { try Workflow.affect($0, proposals, directory: directory, context: context) }
        return id.description
    }

    private static func seedDirectory(_ register: Register, customers: Int) throws {
        let context = Context(actor: "bench", now: base)
        _ = try register.recordDirectory { directory in
            var events = [
                DirectoryEvent(
                    payload: .organisationSet(Organisation(name: "Bench Processor Ltd", email: "security@bench.example")),
                    actor: context.actor, recordedAt: context.now)
            ]
            for n in 0..<customers {
                let customer = Customer(
                    slug: "customer-\(n)", name: "Customer \(n) Ltd", emails: ["dpo@customer-\(n).example"],
                    timeZone: ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"][n % 4])
                events.append(DirectoryEvent(payload: .customerAdded(customer), actor: context.actor, recordedAt: context.now))
            }
            return events
        }
    }
}
