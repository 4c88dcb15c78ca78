import IncidentCore

/// Refuses templates that name a field a notice does not have.
///
/// Mustache renders an unknown name as nothing, which in a notice means a sentence that silently lost
/// its fact. So every tag is checked, with the line it is on, against the shape of a real notice view.
struct TemplateChecker {
    indirect enum Shape: Sendable {
        case value
        case object([String: Shape])
        case list(Shape)

        init(_ any: Any) {
            switch any {
            case let dict as [String: Any]: self = .object(dict.mapValues(Shape.init))
            case let list as [[String: Any]]: self = .list(list.first.map(Shape.init) ?? .object([:]))
            default: self = .value
            }
        }

        var fields: [String: Shape] {
            if case .object(let fields) = self { return fields }
            if case .list(let element) = self { return element.fields }
            return [:]
        }
    }

    /// The shape of every notice view: built from a sample with every optional fact present.
    static let root = Shape(NoticeView.make(NoticeView.sample))

    let sources: [String: (text: String, origin: String)]

    /// Checks the main templates from the top, and each partial in the scope where it is used;
    /// a partial nothing uses is checked from the top.
    func check() throws {
        var visited = Set<String>()
        for name in TemplateSet.required where sources[name] != nil {
            try check(name, scopes: [Self.root], visited: &visited, depth: 0)
        }
        for name in sources.keys.sorted() where !visited.contains(name) {
            try check(name, scopes: [Self.root], visited: &visited, depth: 0)
        }
    }

    private func check(_ name: String, scopes outer: [Shape], visited: inout Set<String>, depth: Int) throws {
        guard let source = sources[name] else { return }
        guard depth < 16 else {
            throw TemplateError(file: source.origin, line: nil, problem: "partials include each other too deeply (a loop?)")
        }
        visited.insert(name)
        let text = source.text
        let origin = source.origin
        var scopes = outer
        var sections: [String] = []
        var line = 1
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            line += rest[..<open.lowerBound].filter { $0 == "\n" }.count
            let triple = rest[open.upperBound...].hasPrefix("{")
            let closer = triple ? "}}}" : "}}"
            guard let close = rest[open.upperBound...].range(of: closer) else {
                throw TemplateError(file: origin, line: line, problem: "a tag opened with {{ is never closed")
            }
            let tag = rest[open.upperBound..<close.lowerBound].dropFirst(triple ? 1 : 0)
            line += tag.filter { $0 == "\n" }.count
            rest = rest[close.upperBound...]
            let sigil = tag.first.map(String.init) ?? ""
            let name = String(["#", "^", "/", ">", "&", "!", "%", "=", "<", "$"].contains(sigil) ? tag.dropFirst() : tag)
                .trimmingCharacters(in: .whitespaces)
            func fail(_ problem: String) -> TemplateError { TemplateError(file: origin, line: line, problem: problem) }
            switch sigil {
            case "!", "%":
                continue
            case "=", "<", "$":
                throw fail("'{{\(sigil)' is not supported in notice templates; use sections, variables and partials")
            case ">":
                guard sources[name] != nil else { throw fail("partial '\(name)' does not exist") }
                try check(name, scopes: scopes, visited: &visited, depth: depth + 1)
            case "/":
                guard sections.last == name else { throw fail("'{{/\(name)}}' closes a section that is not open") }
                sections.removeLast()
                scopes.removeLast()
            case "#", "^":
                guard let shape = resolve(name, in: scopes) else { throw unknown(name, scopes: scopes, fail) }
                sections.append(name)
                if sigil == "#", case .list(let element) = shape {
                    scopes.append(element)
                } else if sigil == "#", case .object = shape {
                    scopes.append(shape)
                } else {
                    scopes.append(scopes.last!)
                }
            default:
                guard resolve(name, in: scopes) != nil else { throw unknown(name, scopes: scopes, fail) }
            }
        }
        if let open = sections.last {
            throw TemplateError(file: origin, line: line, problem: "section '\(open)' is never closed with {{/\(open)}}")
        }
    }

    /// Mustache looks a name up from the innermost section outwards; dotted names then descend.
    private func resolve(_ name: String, in scopes: [Shape]) -> Shape? {
        if name == "." { return .value }
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        for scope in scopes.reversed() {
            guard var shape = scope.fields[first] else { continue }
            for part in parts.dropFirst() {
                guard let next = shape.fields[part] else { return nil }
                shape = next
            }
            return shape
        }
        return nil
    }

    private func unknown(_ name: String, scopes: [Shape], _ fail: (String) -> TemplateError) -> TemplateError {
        let known = Set(scopes.flatMap { $0.fields.keys })
        let near = known.filter { EditDistance.between($0.lowercased(), name.lowercased()) <= 2 }.sorted()
        let hint = near.isEmpty ? "see docs/notices.md for the fields" : "did you mean \(near.joined(separator: " or "))?"
        return fail("unknown field '\(name)'; \(hint)")
    }
}
