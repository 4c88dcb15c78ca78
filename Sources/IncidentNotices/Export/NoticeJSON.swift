import Foundation
import IncidentCore

/// JSON export: the facts under their stable keys, plus the subject, the text and the sending record.
struct NoticeJSON: Encodable {
    let draft: NoticeVersion

    private enum Keys: String, CodingKey { case subject, markdown, template, sentAt, sentVia }

    func encode(to encoder: any Encoder) throws {
        try draft.facts.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(draft.subject, forKey: .subject)
        try container.encode(draft.markdown, forKey: .markdown)
        try container.encode(draft.template, forKey: .template)
        try container.encodeIfPresent(draft.sent?.at, forKey: .sentAt)
        try container.encodeIfPresent(draft.sent?.via, forKey: .sentVia)
    }
}
