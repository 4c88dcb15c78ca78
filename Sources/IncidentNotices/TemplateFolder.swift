import Foundation
import IncidentCore

/// A folder of templates a person keeps: language subfolders (`en/`, `de/`, …) of `.mustache` files.
/// The one walker over such a folder, for loading a set and for checking every language in it.
public struct TemplateFolder: Sendable {
    public let path: String
    /// Every `.mustache` file, keyed like the shipped ones (`en/initial.mustache`), with its text and full path.
    let files: [String: (text: String, origin: String)]

    public init(_ path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw TemplateError(file: path, line: nil, problem: "is not a folder of templates")
        }
        let root = URL(fileURLWithPath: path).standardizedFileURL
        var files: [String: (text: String, origin: String)] = [:]
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "mustache" {
                let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
                guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                    throw TemplateError(file: url.path, line: nil, problem: "cannot be read as UTF-8 text")
                }
                files[relative] = (text, url.path)
            }
        }
        self.path = path
        self.files = files
    }

    /// The languages the folder has templates for: its first-level folders named like language tags.
    public var languages: [String] {
        let tops = Set(files.keys.compactMap { $0.split(separator: "/").first.map(String.init) })
        return tops.filter(LanguageTag.isValid).sorted()
    }
}
