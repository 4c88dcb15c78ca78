import Foundation
import Testing

@Suite("Reliability: hostile input")
struct HostileInputTests {
    /// A register with something to refuse changes to: our details, two customers, a subprocessor, an incident in contain
    /// with an action, one customer affected and its first notice drafted.
    static func seeded() throws -> CLI {
        let cli = try CLI()
        try cli.ok(["org", "set", "--name", "Example Processor Ltd", "--email", "security@processor.example"])
        try cli.ok(["customer", "add", "acme-gmbh", "--name", "Acme GmbH", "--email", "dpo@acme.example"])
        try cli.ok(["customer", "add", "globex", "--name", "Globex", "--email", "privacy@globex.example"])
        try cli.ok(["subprocessor", "add", "northwind", "--name", "Northwind Voice", "--service", "voip", "--region", "eu"])
        let id = try cli.logIncident()
        try cli.ok(["advance", id, "--note", "known"])
        try cli.ok(["update", id, "--action", "contained"])
        try cli.ok(["affect", id, "--customer", "acme-gmbh"])
        try cli.ok(["notice", "draft", id, "--customer", "acme-gmbh"])
        return cli
    }

    static let documented: Set<Int32> = [64, 65, 66, 67, 73, 78]

    /// A folder with its own copy of the seeded register.
    static func copy(of seed: CLI) throws -> CLI {
        let cli = try CLI()
        try FileManager.default.copyItem(atPath: seed.registerPath, toPath: cli.registerPath)
        return cli
    }

    /// Runs one case in `cli`'s folder and lists what is wrong: a code that is not documented, other than one
    /// `error:` line, anything on stdout, any byte of the register changed.
    static func problems(_ hostile: HostileCase, in cli: CLI) throws -> (result: CLI.Result, problems: [String]) {
        for (name, bytes) in hostile.files { try Data(bytes).write(to: URL(fileURLWithPath: cli.folder + "/" + name)) }
        let arguments = hostile.arguments.map { hostile.files[$0] != nil ? cli.folder + "/" + $0 : $0 }
        let before = cli.registerBytes()
        let result = try cli.run(arguments, input: hostile.stdin.map { Data($0) })
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        var problems: [String] = []
        if !documented.contains(result.status) { problems.append("undocumented status \(result.status)") }
        if lines.count != 1 || !lines[0].hasPrefix("error: ") { problems.append("not one error line") }
        if !result.stdout.isEmpty { problems.append("wrote to stdout: \(result.stdout.prefix(200))") }
        if cli.registerBytes() != before { problems.append("register changed") }
        return (result, problems)
    }

    @Test("a sample of every kind of bad input through the binary: its code, one error line naming it, nothing written")
    func sample() throws {
        let seed = try Self.seeded()
        defer { seed.remove() }
        for sample in HostileSample.cases {
            let cli = try Self.copy(of: seed)
            defer { cli.remove() }
            let (result, problems) = try Self.problems(sample.input, in: cli)
            let said = "\(sample.testDescription) → \(result.status): \(result.stderr.prefix(300))"
            #expect(problems.isEmpty, "\(problems): \(said)")
            #expect(result.status == sample.status, "\(said)")
            #expect(result.stderr.contains(sample.names), "the message names \(sample.names): \(said)")
        }
    }

    @Test(
        "1,000 bad inputs per write command: no crash, a documented code, one line, register unchanged",
        .tags(.slow), .enabled(if: SlowTier.isEnabled, SlowTier.note), arguments: HostileCorpus.templates.map(\.name))
    func corpus(command: String) throws {
        let cases = HostileCorpus.cases(for: HostileCorpus.template(command))
        #expect(cases.count >= 1000)
        let seed = try Self.seeded()
        defer { seed.remove() }
        let workers = 4
        let failures = LockedCounter()
        let codes = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do {
                let cli = try Self.copy(of: seed)
                defer { cli.remove() }
                for (index, hostile) in cases.enumerated() where index % workers == worker {
                    let (result, problems) = try Self.problems(hostile, in: cli)
                    codes.add(String(result.status))
                    guard !problems.isEmpty else { continue }
                    let arguments = hostile.arguments.map { $0.count > 60 ? String($0.prefix(60)) + "…" : $0 }
                    failures.add("\(problems): \(arguments) → \(result.status): \(result.stderr.prefix(200))")
                    // A changed register would make every later case in this folder meaningless.
                    if problems.contains("register changed") { return }
                }
            } catch {
                failures.add("harness: \(error)")
            }
        }
        #expect(failures.messages.isEmpty, "\(failures.messages.count) problems, e.g. \(failures.messages.prefix(5))")
        let counts = codes.messages.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        let byCode = counts.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")
        print("FIGURE hostile: \(command): \(cases.count) bad inputs, exit codes \(byCode), \(failures.messages.count) problems")
    }
}
