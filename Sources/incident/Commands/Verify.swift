import ArgumentParser
import IncidentCore
import IncidentStore

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove the register was not altered: hash chain, replay against projections, SQLite checks.",
        discussion: """
            Exits 0 only when everything holds; otherwise prints one INVALID line per
            problem, the first bad event first, and exits 68.

            Example:
              incident verify && echo "register intact"
            """)

    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: OutputOptions
    @Option(
        help: ArgumentHelp("A head kept elsewhere (from `incident checkpoint`): the register must still extend it.", valueName: "N:hash"))
    var checkpoint: String?

    func run() throws {
        let checkpoint = try checkpoint.map { try Checkpoint.parse($0) }
        let store = try register.open(create: false)
        var report = try store.verify()
        if let checkpoint { try report.check(against: checkpoint, in: store) }
        if output.json {
            try Output.json(report)
        } else {
            var lines = [
                "\(report.eventsChecked) events checked, \(report.eventsValid) valid",
                "\(report.incidentsReplayed) incidents replayed against the projections",
                "integrity_check: \(report.integrityCheck); foreign_key_check: \(report.foreignKeyViolations) violations",
                "head: \(report.headSequence) \(report.headHash)",
            ]
            if try store.isPractice() { lines.append("practice register: for trying things out; not a record of real incidents") }
            for problem in report.problems {
                let subject = [problem.event.map { "event \($0)" }, problem.incident].compactMap { $0 }.joined(separator: " ")
                lines.append("INVALID: \(subject.isEmpty ? "register" : subject) \(problem.reason)")
            }
            Output.print(lines.joined(separator: "\n"))
        }
        if !report.isClean {
            throw CommandError.verifyFailed(count: report.problems.count, first: report.problems[0].reason)
        }
    }
}
