import Foundation
import IncidentCore

/// The formats a notice version can be exported in.
public enum NoticeFormat: String, CaseIterable, Sendable {
    case md, txt, html, eml, json
    /// The controller annex: JSON laid out along the EDPB's draft breach-notification template.
    case edpb

    public static func parse(_ text: String) throws -> NoticeFormat {
        if let format = NoticeFormat(rawValue: text.lowercased()) { return format }
        throw InputError(field: .noticeFormat, problem: "'\(text)' is not a format; use md, txt, html, eml, json or edpb")
    }

    /// The file name's ending: the annex is JSON, and says so.
    public var fileExtension: String { self == .edpb ? "edpb.json" : rawValue }
}
