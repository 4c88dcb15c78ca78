import Foundation
import IncidentCore
import IncidentStore

/// Exports a batch of stored notice versions: one file each into a folder, or one notice to a stream.
///
/// All or nothing: every target is checked before the first file is written, each file appears under its
/// name only when complete, and the folder is synced once at the end, before success is reported.
public struct NoticeBatchExport {
    public var incident: IncidentID
    public var choice: CustomerSelection
    public var version: Int?
    public var format: NoticeFormat
    /// The folder to write into; nil writes the one notice to `output`.
    public var folder: String?
    public var force: Bool
    /// Dates the letters and e-mails for sending at this moment instead of their drafting time.
    public var sendingAt: Timestamp?
    /// How many notices are rendered and written together: enough to keep every core busy, few enough that a
    /// batch of ten thousand is never all in memory.
    var window = 256

    public init(
        incident: IncidentID, choice: CustomerSelection, version: Int?, format: NoticeFormat, folder: String?, force: Bool,
        sendingAt: Timestamp? = nil
    ) {
        self.sendingAt = sendingAt
        self.incident = incident
        self.choice = choice
        self.version = version
        self.format = format
        self.folder = folder
        self.force = force
    }

    /// The file name a version gets in the export folder.
    public func fileName(_ notice: NoticeVersion) -> String { notice.baseName + "." + format.fileExtension }

    /// Runs the export; `progress(done, total)` after each notice, `output` for a notice without a folder.
    /// Returns the incident as read and how many notices were exported.
    ///
    /// Into a folder, notices are rendered and written on every core, a window at a time, and reported in
    /// register order; each file is the same as the one exported alone.
    public func run(
        from register: any RegisterStore, progress: (Int, Int) -> Void = { _, _ in },
        output: (String) -> Void
    ) throws -> (incident: Incident, exported: Int) {
        let current = try register.incident(incident)
        let chosen = Set(choice.exportRecipients(in: current))
        if case .one(let slug) = choice, current.share(of: slug) == nil {
            throw InputError(field: .customer, problem: "\(slug) is not marked affected by \(incident)", next: .listNotices(incident))
        }
        let customer: String? = if case .one(let slug) = choice { slug } else { nil }
        let total = current.shares.filter { chosen.contains($0.customer) && $0.draftedVersions > 0 }.count
        guard let folder else {
            let annex = format == .edpb ? try AnnexContext.read(incident, from: register) : nil
            var done = 0
            try register.forEachNotice(incident, customer: customer, version: version, latestOnly: version == nil) { notice in
                guard chosen.contains(notice.customer) else { return }
                output(try NoticeExport.render(notice, as: format, sendingAt: sendingAt, annex: annex))
                done += 1
                progress(done, total)
            }
            return (current, done)
        }
        try SafeFile.prepareFolder(folder)
        try checkTargets(in: folder, of: current, chosen: chosen, register: register)
        let annex = format == .edpb ? try AnnexContext.read(incident, from: register) : nil
        let writer = Writer(format: format, sendingAt: sendingAt, annex: annex, force: force)
        var done = 0
        var written: [String] = []
        var pending: [(notice: NoticeVersion, path: String)] = []
        // Writes the pending window on every core, starting no file after one that failed; keeps every file
        // that was written, for taking back, and throws the first failure in register order.
        func flush() throws {
            let results = Parallel.map(pending, stoppingAtFirstError: true, writer.write)
            pending.removeAll(keepingCapacity: true)
            for case .success(let path) in results { written.append(path) }
            if let error = Parallel.firstError(results) { throw error }
            for _ in results {
                done += 1
                progress(done, total)
            }
        }
        do {
            try register.forEachNotice(incident, customer: customer, version: version, latestOnly: version == nil) { notice in
                guard chosen.contains(notice.customer) else { return }
                pending.append((notice, folder + "/" + fileName(notice)))
                if pending.count >= window { try flush() }
            }
            try flush()
            if done > 0 { try SafeFile.syncFolder(folder) }
        } catch {
            // A batch that failed part-way leaves none of its new files behind (replaced ones cannot come back).
            if !force { for path in written { SafeFile.remove(path) } }
            throw error
        }
        return (current, done)
    }

    /// Refuses the whole batch before anything is written if one of its files is in the way. Reads only the
    /// notices' summary columns: the names need no text and no facts.
    func checkTargets(in folder: String, of current: Incident, chosen: Set<String>, register: any RegisterStore) throws {
        let latest = Dictionary(current.shares.map { ($0.customer, $0.draftedVersions) }, uniquingKeysWith: { a, _ in a })
        for notice in try register.noticeVersions(incident) where chosen.contains(notice.customer) {
            if case .one(let slug) = choice, notice.customer != slug { continue }
            guard notice.version == (version ?? latest[notice.customer]) else { continue }
            let name = NoticeVersion.baseName(
                incident: incident.description, customer: notice.customer, version: notice.version, kind: notice.kind)
            let path = folder + "/" + name + "." + format.fileExtension
            if force { try SafeFile.checkReplaceable(path) } else { try SafeFile.checkFree(path) }
        }
    }
}

extension NoticeBatchExport {
    /// Renders one notice and writes its file: the work of one notice, done on any core.
    struct Writer: Sendable {
        var format: NoticeFormat
        var sendingAt: Timestamp?
        var annex: AnnexContext?
        var force: Bool
        /// Files are created one at a time: the kernel creates names in one folder one at a time anyway, under the
        /// folder's lock, and a core waiting for that lock spins (measured: the export's system time doubled).
        /// Waiting here sleeps instead, while the other cores go on rendering.
        let files = NSLock()

        /// Writes the notice to `path` (never synced: the batch syncs the folder once) and returns the path.
        func write(_ item: (notice: NoticeVersion, path: String)) throws -> String {
            let text = try NoticeExport.render(item.notice, as: format, sendingAt: sendingAt, annex: annex)
            try files.withLock { try SafeFile.write(text, to: item.path, force: force, sync: false) }
            return item.path
        }
    }
}
