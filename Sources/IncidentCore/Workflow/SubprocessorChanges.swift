/// Corrections to a subprocessor's details; a field left nil keeps its value. The slug never changes.
public struct SubprocessorChanges: Equatable, Sendable {
    public var name: String?
    /// The services and regions as they now stand (each replaces the list); nil keeps it.
    public var services: [String]?
    public var regions: [String]?
    /// `.some(nil)` records that no notice time is agreed with it.
    public var notifyHours: Int??

    public init() {}
}

extension Workflow {
    /// Adds subprocessors; one identical to an existing one is skipped, one that differs is refused.
    ///
    /// An import gives one row per service and region; the caller merges the rows of one slug first
    /// (`Subprocessor.merging(rows:)`), so this sees each subprocessor once.
    public static func addSubprocessors(
        _ directory: Directory, _ subprocessors: [(subprocessor: Subprocessor, origin: Field)],
        context: Context
    ) throws -> [DirectoryEvent] {
        var seen: [String: Field] = [:]
        return try subprocessors.compactMap { subprocessor, origin in
            if let first = seen[subprocessor.slug] {
                throw InputError(field: origin, problem: "\(subprocessor.slug) is given twice (also at \(first))")
            }
            seen[subprocessor.slug] = origin
            if let existing = directory.subprocessors[subprocessor.slug] {
                if existing == subprocessor { return nil }
                throw InputError(
                    field: origin, problem: "\(subprocessor.slug) already exists with other details",
                    next: .editSubprocessor(subprocessor.slug))
            }
            return DirectoryEvent(payload: .subprocessorAdded(subprocessor), actor: context.actor, recordedAt: context.now)
        }
    }

    /// The event that corrects a subprocessor's details, or none when nothing would change.
    ///
    /// Incidents already logged keep the notice hours they were logged with.
    public static func editSubprocessor(
        _ directory: Directory, slug: String, _ changes: SubprocessorChanges, context: Context
    ) throws -> [DirectoryEvent] {
        guard let current = directory.subprocessors[slug] else {
            throw InputError(field: .subprocessorSlug, problem: "\(slug) is not a subprocessor", next: .listSubprocessors)
        }
        var next = current
        next.name = changes.name ?? current.name
        next.services = changes.services ?? current.services
        next.regions = changes.regions ?? current.regions
        if let hours = changes.notifyHours { next.notifyHours = hours }
        guard !next.services.isEmpty else {
            throw InputError(field: .service, problem: "give at least one service it provides, e.g. hosting")
        }
        if next == current { return [] }
        return [DirectoryEvent(payload: .subprocessorEdited(next), actor: context.actor, recordedAt: context.now)]
    }
}

extension Subprocessor {
    /// One subprocessor from the rows that name it (one row per service and region, as published lists
    /// are laid out): the services and regions of all its rows, in the order first seen. Every row must
    /// give the same name and notice hours, or the file disagrees with itself.
    public static func merging(rows: [(subprocessor: Subprocessor, origin: Field)]) throws -> [(subprocessor: Subprocessor, origin: Field)]
    {
        var order: [String] = []
        var merged: [String: (subprocessor: Subprocessor, origin: Field)] = [:]
        for (row, origin) in rows {
            guard var entry = merged[row.slug] else {
                order.append(row.slug)
                merged[row.slug] = (row, origin)
                continue
            }
            guard entry.subprocessor.name == row.name else {
                throw InputError(
                    field: origin,
                    problem: "name: '\(row.name)' differs from '\(entry.subprocessor.name)' at \(entry.origin); give one name per slug")
            }
            guard entry.subprocessor.notifyHours == row.notifyHours else {
                throw InputError(
                    field: origin, problem: "notify-hours differ from \(entry.origin); give the same hours on every row of \(row.slug)")
            }
            entry.subprocessor.services = Incident.merged(entry.subprocessor.services, row.services)
            entry.subprocessor.regions = Incident.merged(entry.subprocessor.regions, row.regions)
            merged[row.slug] = entry
        }
        return order.map { merged[$0]! }
    }
}
