import ArgumentParser
import Foundation
import IncidentCore
import IncidentStore

struct Due: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "List every notice a customer is owed, with time left or how late.",
        discussion: """
            A customer is owed its first notice by its deadline; the update its last
            initial or update notice promised (nextUpdateBy), while the incident is
            open; or, once ruled out after it was told, a not-affected notice.
            Exits 1 when anything is overdue, 0 otherwise: for cron and monitoring.
            `incident list --overdue` shows the incidents with such a line.

            Examples:
              incident due
              incident due --within 6h --json
            """)

    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("Only what is due within this time or late (e.g. 90m, 6h, 2d).", valueName: "duration"))
    var within: String?

    struct Line: Encodable {
        var incident: IncidentID
        var title: String
        var customer: String
        var owed: NoticeDue.Owed
        var dueBy: Timestamp
        /// Seconds until due; negative when late.
        var secondsLeft: Int64
        var overdue: Bool
    }

    func run() throws {
        let window = try within.map(Self.duration)
        let now = WriterOptions.now()
        let store = try register.open(create: false)
        let everything = Timestamp.utc(year: 9999, month: 12, day: 31)!
        var lines: [Line] = []
        for summary in try store.list(ListFilter(mayOweNoticeAt: everything)).reversed() {
            for due in try Self.owed(in: store, summary.id) {
                let left = due.secondsLeft(at: now)
                if let window, left > window { continue }
                lines.append(
                    Line(
                        incident: due.incident, title: summary.title, customer: due.customer, owed: due.owed, dueBy: due.dueBy,
                        secondsLeft: left, overdue: due.isOverdue(at: now)))
            }
        }
        lines.sort { ($0.dueBy, $0.incident, $0.customer) < ($1.dueBy, $1.incident, $1.customer) }
        if output.json {
            try Output.json(lines)
        } else {
            let terminal = Terminal.current
            if terminal.isInteractive && lines.isEmpty { Output.print("Nothing is owed.") }
            if !lines.isEmpty {
                Output.print(
                    terminal.table(
                        ["DUE BY", "LEFT", "INCIDENT", "CUSTOMER", "OWED"],
                        lines.map {
                            [$0.dueBy.iso8601, Self.left($0.secondsLeft), $0.incident.description, $0.customer, $0.owed.rawValue]
                        }
                    ) { column, cell in column == 1 && cell.hasPrefix("LATE") ? terminal.red(terminal.bold(cell)) : cell })
            }
        }
        let late = lines.filter(\.overdue).count
        if late > 0 { throw CommandError.overdue(count: late) }
    }

    /// What the incident's customers are owed, by the core's rule.
    static func owed(in store: any RegisterStore, _ id: IncidentID) throws -> [NoticeDue] {
        let state = try store.dueState(id)
        return Workflow.dueNotices(state.incident, lastSent: state.lastSent)
    }

    /// `5h 20m left`, or `LATE 2d 3h` once past due.
    static func left(_ seconds: Int64) -> String {
        let magnitude = abs(seconds)
        let days = magnitude / 86_400
        let hours = magnitude % 86_400 / 3600
        let minutes = magnitude % 3600 / 60
        let text =
            days > 0 ? "\(days)d \(hours)h" : hours > 0 ? "\(hours)h \(minutes)m" : "\(max(minutes, seconds < 0 ? 1 : 0))m"
        return seconds < 0 ? "LATE \(text)" : "\(text) left"
    }

    /// `90m`, `6h`, `2d` (or a plain number of hours) in seconds.
    static func duration(_ text: String) throws -> Int64 {
        let units: [Character: Int64] = ["m": 60, "h": 3600, "d": 86_400]
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let unit = trimmed.last.flatMap { units[$0] }
        let digits = unit == nil ? trimmed : String(trimmed.dropLast())
        guard let value = Int64(digits), value >= 0, value <= 100_000 else {
            throw InputError(field: .within, problem: "'\(text)' is not a duration; give minutes, hours or days such as 90m, 6h or 2d")
        }
        return value * (unit ?? 3600)
    }
}
