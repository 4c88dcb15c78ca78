import IncidentCore
import IncidentStore

/// Drafting a batch of notices: read a snapshot, let the engine plan, render, then append, all or nothing.
///
/// Templates are loaded and checked, and every notice rendered (on every core), before the write lock is taken: the write
/// only checks that the register's head has not moved since the snapshot and appends. If another writer came
/// first, the batch is planned again from a fresh snapshot, a bounded number of times.
public enum NoticeDrafting {
    public static let attempts = 5

    /// Drafts the next version for each chosen customer; returns the incident as it now stands and how many were drafted.
    /// `onNoContact` is called after drafting when the snapshot had no contact details of ours (no `org set`).
    public static func draft(
        in register: any RegisterStore, incident id: IncidentID, choice: CustomerSelection, requested: NoticeKind?,
        overrides: String?, context: Context, closingNote: String? = nil, onFallback: (String) -> Void,
        onForeignCounts: (_ customer: NoticeFacts, _ counts: [Int]) -> Void = { _, _ in }, onNoContact: () -> Void = {}
    ) throws -> (incident: Incident, drafted: Int) {
        var drafter: (languages: Set<String>, overrides: String?, drafter: NoticeDrafter)?
        for _ in 1...attempts {
            let snapshot = try register.noticeSnapshot(id)
            let slugs = try choice.draftRecipients(in: snapshot.incident, lastSentKinds: snapshot.lastSent.mapValues(\.kind))
            var planned = try Workflow.planNotices(
                snapshot.incident, customers: slugs, directory: snapshot.directory, requested: requested,
                checkpoint: snapshot.head, lastSent: snapshot.lastSent, now: context.now)
            if let closingNote { try Workflow.addClosingNote(closingNote, to: &planned, incident: id) }
            let languages = Set(planned.map(\.customer.language))
            let folder = overrides ?? snapshot.directory.organisation?.templates
            if drafter == nil || !languages.isSubset(of: drafter!.languages) || drafter!.overrides != folder {
                let loaded = try NoticeDrafter(languages: languages, overrides: folder)
                loaded.fellBack.forEach(onFallback)
                drafter = (languages, folder, loaded)
            }
            // Each notice is rendered on its own from its own facts, so the batch is spread over every core;
            // the versions come back in the planned order, and the first error in that order is the one thrown.
            let renderer = drafter!.drafter
            let versions = try Parallel.mapThrowing(planned) { try renderer.render($0) }
            let events = try Workflow.draft(snapshot.incident, versions, context: context)
            if let incident = try register.append(events, to: id, ifHeadIs: snapshot.head) {
                for facts in planned {
                    let counts = Workflow.foreignCounts(in: facts)
                    if !counts.isEmpty { onForeignCounts(facts, counts) }
                }
                if snapshot.directory.organisation == nil { onNoContact() }
                return (incident, events.count)
            }
        }
        throw StoreError.contended(path: register.location, attempts: attempts)
    }
}
