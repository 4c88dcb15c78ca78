import Foundation
import IncidentCore
import IncidentStore

/// What the controller annex needs besides the notice version: the incident's events and the regions of
/// its customers. Read once per export, before any annex is rendered.
public struct AnnexContext: Sendable {
    public var events: [IncidentEvent]
    /// Each customer's regions, by slug.
    public var regions: [String: [String]]

    public init(events: [IncidentEvent], regions: [String: [String]]) {
        self.events = events
        self.regions = regions
    }

    public static func read(_ id: IncidentID, from register: any RegisterStore) throws -> AnnexContext {
        let events = try register.timeline(id).map(\.event)
        let customers = try register.directory().customers
        return AnnexContext(events: events, regions: customers.mapValues(\.annexRegions))
    }

    /// The annex of one notice version as pretty-printed JSON with sorted keys.
    public func render(_ notice: NoticeVersion) throws -> String {
        let annex = ControllerAnnex.build(notice: notice, events: events, regions: regions[notice.customer] ?? [])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(annex), as: UTF8.self) + "\n"
    }
}
