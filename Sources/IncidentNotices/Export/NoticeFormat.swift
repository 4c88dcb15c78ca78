import Foundation
import IncidentCore

/// The formats a notice version can be exported in.
public enum NoticeFormat: String, CaseIterable, Sendable {
    case md, txt, html, eml, json

    public static func parse(_ text: String) throws -> NoticeFormat {
        if let format = NoticeFormat(rawValue: text.lowercased()) { return format }
        throw InputError(field: .noticeFormat, problem: "'\(text)' is not a format; use md, txt, html, eml or json")
    }
}
