/// The subprocessor where an incident started, as recorded when it was logged.
///
/// Its notice hours are copied from the register at logging, so a later `subprocessor edit` does not
/// change whether this notice to us was on time.
public struct SubprocessorOrigin: Codable, Equatable, Sendable {
    public var slug: String
    /// When the subprocessor told us.
    public var notifiedAt: Timestamp
    /// Hours from its awareness to its notice to us, as agreed with it when the incident was logged.
    public var notifyHours: Int?

    public init(slug: String, notifiedAt: Timestamp, notifyHours: Int?) {
        self.slug = slug
        self.notifiedAt = notifiedAt
        self.notifyHours = notifyHours
    }

    /// Whether the subprocessor told us in time.
    ///
    /// The reference is the incident's detection time (`detectedAt`): for an incident that started at a
    /// subprocessor, that is when the subprocessor first detected it, which is the awareness its contract
    /// counts from. We never know its awareness better than that, and the start of the window would
    /// overstate the delay (an intrusion can go unseen for weeks), so without a detection time the
    /// timing is not judged.
    public func timing(detectedAt: Timestamp?) -> SubprocessorTiming {
        guard let hours = notifyHours else { return .noAgreedHours }
        guard let detectedAt else { return .detectionUnknown(hours: hours) }
        let dueBy = detectedAt.adding(seconds: Int64(hours) * 3600)
        let taken = notifiedAt.seconds - detectedAt.seconds
        return notifiedAt <= dueBy
            ? .onTime(hours: hours, dueBy: dueBy, seconds: taken)
            : .late(hours: hours, dueBy: dueBy, seconds: taken)
    }
}

/// How a subprocessor's notice to us compares with the hours our contract with it allows.
public enum SubprocessorTiming: Equatable, Sendable {
    /// Told us by `dueBy`, `seconds` after detecting it.
    case onTime(hours: Int, dueBy: Timestamp, seconds: Int64)
    /// Told us after `dueBy`, `seconds` after detecting it.
    case late(hours: Int, dueBy: Timestamp, seconds: Int64)
    /// No notice hours are agreed with it, so there is nothing to be late against.
    case noAgreedHours
    /// Hours are agreed, but the incident has no detection time to count them from.
    case detectionUnknown(hours: Int)
}

extension Workflow {
    /// Where an incident logged with `--subprocessor` started: the register's subprocessor with its public
    /// name (which becomes the incident's `source`) and its notice hours as they stand now.
    public static func origin(
        at slug: String, notifiedAt: Timestamp, directory: Directory
    ) throws -> (source: String, origin: SubprocessorOrigin) {
        guard let subprocessor = directory.subprocessors[slug] else {
            throw InputError(field: .subprocessor, problem: "\(slug) is not a subprocessor", next: .addSubprocessor(slug))
        }
        return (subprocessor.name, SubprocessorOrigin(slug: slug, notifiedAt: notifiedAt, notifyHours: subprocessor.notifyHours))
    }

    /// A correction of where an incident started (`update --subprocessor`, `--subprocessor-notified-at`): the
    /// other subprocessor, or the same one with the time it told us corrected. The same subprocessor keeps the
    /// source and notice hours recorded when the incident was logged (a rename in the register since then
    /// changes neither); another one brings its name and hours as they stand now.
    /// A time alone needs an incident that started at a subprocessor; a subprocessor alone keeps the time
    /// recorded, and needs one.
    public static func correctedOrigin(
        of incident: Incident, slug: String?, notifiedAt: Timestamp?, directory: Directory
    ) throws -> (source: String, origin: SubprocessorOrigin)? {
        guard slug != nil || notifiedAt != nil else { return nil }
        let current = incident.subprocessor
        guard let slug = slug ?? current?.slug else {
            throw InputError(
                field: .subprocessorNotifiedAt,
                problem: "\(incident.id) did not start at a subprocessor in the register; give --subprocessor SLUG too")
        }
        guard let at = notifiedAt ?? current?.notifiedAt else {
            throw InputError(
                field: .subprocessor,
                problem: "\(incident.id) has no time the subprocessor told us; give --subprocessor-notified-at TIME too")
        }
        if let current, current.slug == slug {
            return (incident.source, SubprocessorOrigin(slug: slug, notifiedAt: at, notifyHours: current.notifyHours))
        }
        return try origin(at: slug, notifiedAt: at, directory: directory)
    }
}
