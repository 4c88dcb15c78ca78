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
    public func run(
        from register: any RegisterStore, progress: (Int, Int) -> Void = { _, _ in },
        output: (String) -> Void
    ) throws -> (incident: Incident, exported: Int) {
        let current = try register.incident(incident)
        let chosen = Set(choice.recipients(in: current))
        if case .one(let slug) = choice, current.share(of: slug) == nil {
            throw InputError(field: .customer, problem: "\(slug) is not marked affected by \(incident)", next: .listNotices(incident))
        }
        let customer: String? = if case .one(let slug) = choice { slug } else { nil }
        let total = current.shares.filter { chosen.contains($0.customer) && $0.draftedVersions > 0 }.count
        if let folder {
            try SafeFile.prepareFolder(folder)
            try register.forEachNotice(incident, customer: customer, version: version, latestOnly: version == nil) { notice in
                guard chosen.contains(notice.customer) else { return }
                let path = folder + "/" + fileName(notice)
                if force { try SafeFile.checkReplaceable(path) } else { try SafeFile.checkFree(path) }
            }
        }
        let annex = format == .edpb ? try AnnexContext.read(incident, from: register) : nil
        var done = 0
        var written: [String] = []
        do {
            try register.forEachNotice(incident, customer: customer, version: version, latestOnly: version == nil) { notice in
                guard chosen.contains(notice.customer) else { return }
                let text = try NoticeExport.render(notice, as: format, sendingAt: sendingAt, annex: annex)
                if let folder {
                    let path = folder + "/" + fileName(notice)
                    try SafeFile.write(text, to: path, force: force, sync: false)
                    written.append(path)
                } else {
                    output(text)
                }
                done += 1
                progress(done, total)
            }
            if let folder, done > 0 { try SafeFile.syncFolder(folder) }
        } catch {
            // A batch that failed part-way leaves none of its new files behind (replaced ones cannot come back).
            if !force { for path in written { SafeFile.remove(path) } }
            throw error
        }
        return (current, done)
    }
}
