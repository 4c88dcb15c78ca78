import Foundation
import Testing

@Suite("Reliability: hostile input")
struct HostileInputTests {
    /// A register with something to refuse changes to: our details, two customers, an incident in contain
    /// with an action, one customer affected and its first notice drafted.
    static func seeded() throws -> CLI {
        let cli = try CLI()
        try cli.ok(["org", "set", "--name", "Example Processor Ltd", "--email", "security@processor.example"])
        try cli.ok(["customer", "add", "acme-gmbh", "--name", "Acme GmbH", "--email", "dpo@acme.example"])
        try cli.ok(["customer", "add", "globex", "--name", "Globex", "--email", "privacy@globex.example"])
        let id = try cli.logIncident()
        try cli.ok(["advance", id, "--note", "known"])
        try cli.ok(["update", id, "--action", "contained"])
        try cli.ok(["affect", id, "--customer", "acme-gmbh"])
        try cli.ok(["notice", "draft", id, "--customer", "acme-gmbh"])
        return cli
    }

    static let documented: Set<Int32> = [64, 65, 66, 67, 73, 78]

    @Test("1,000 bad inputs per write command: no crash, a documented code, one line, register unchanged",
          arguments: HostileCorpus.templates.map(\.name))
    func corpus(command: String) throws {
        let template = try #require(HostileCorpus.templates.first { $0.name == command })
        let cases = HostileCorpus.cases(for: template)
        #expect(cases.count >= 1000)
        let seed = try Self.seeded()
        defer { seed.remove() }
        let workers = 4
        let failures = LockedCounter()
        let codes = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do {
                var cli = try CLI()
                defer { cli.remove() }
                cli.environment["INCIDENT_DB"] = cli.folder + "/register.sqlite"
                try FileManager.default.copyItem(atPath: seed.registerPath, toPath: cli.registerPath)
                let before = cli.registerBytes()
                for (index, hostile) in cases.enumerated() where index % workers == worker {
                    for (name, bytes) in hostile.files { try Data(bytes).write(to: URL(fileURLWithPath: cli.folder + "/" + name)) }
                    let arguments = hostile.arguments.map { hostile.files[$0] != nil ? cli.folder + "/" + $0 : $0 }
                    let result = try cli.run(arguments, stdin: hostile.stdin)
                    let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
                    let summary = "\(arguments.map { $0.count > 60 ? String($0.prefix(60)) + "…" : $0 }) → \(result.status): \(result.stderr.prefix(200))"
                    codes.add(String(result.status))
                    if !Self.documented.contains(result.status) { failures.add("undocumented status: " + summary) }
                    if lines.count != 1 || !lines[0].hasPrefix("error: ") { failures.add("not one error line: " + summary) }
                    if !result.stdout.isEmpty { failures.add("wrote to stdout: " + summary) }
                    if cli.registerBytes() != before { failures.add("register changed: " + summary); return }
                }
            } catch {
                failures.add("harness: \(error)")
            }
        }
        #expect(failures.messages.isEmpty, "\(failures.messages.count) problems, e.g. \(failures.messages.prefix(5))")
        print("FIGURE hostile: \(command): \(cases.count) bad inputs, exit codes \(codes.messages.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")), \(failures.messages.count) problems")
    }
}
