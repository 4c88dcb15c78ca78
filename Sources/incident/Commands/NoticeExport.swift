import ArgumentParser
import Foundation
import IncidentCore
import IncidentNotices
import IncidentStore

struct NoticeExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export drafted notices as Markdown, text, HTML, .eml, JSON or an EDPB annex.",
        discussion: """
            One notice without --out goes to standard output; otherwise one file per
            customer in --out, written 0600, never through a symlink and never over an
            existing file unless --force. --format edpb writes the controller annex:
            JSON along the EDPB's draft breach-notification template, for the
            customer's own Art. 33 notification (docs/edpb-annex.md).

            An .eml and an HTML letter are dated when the notice was drafted, so
            the same version always gives the same file. --for-sending dates them
            now instead: use it when the file goes straight to a mail server.

            Examples:
              incident notice export INC-2026-0001 --customer acme-gmbh --format md
              incident notice export INC-2026-0001 --all --format eml --out notices/
              incident notice export INC-2026-0001 --customer acme-gmbh --format edpb
              incident notice export INC-2026-0001 --customer acme-gmbh \\
                --format eml --for-sending > acme.eml
            """)

    @Argument(help: "Incident id.", completion: .incidentIDs) var id: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var choice: CustomerChoice
    @Option(help: "md, txt, html, eml, json or edpb.") var format: String
    @Option(help: "Version (default: each customer's latest).") var version: Int?
    @Option(help: "Folder to write one file per notice into.") var out: String?
    @Flag(help: "Replace files that already exist.") var force = false
    @Flag(help: "Date the .eml (Date: header) and HTML letter now, not when drafted.") var forSending = false

    func validate() throws {
        if choice.all && out == nil { throw ValidationError("--all writes one file per customer; give --out DIR") }
        if choice.all && version != nil { throw ValidationError("--version picks one customer's version; use it with --customer") }
        if forSending && !["eml", "html"].contains(format.lowercased()) {
            throw ValidationError("--for-sending dates an .eml or an HTML letter; use it with --format eml or html")
        }
    }

    func run() throws {
        let export = NoticeBatchExport(
            incident: try IncidentID.parse(id), choice: try choice.selection(), version: version,
            format: try NoticeFormat.parse(format), folder: out, force: force, sendingAt: forSending ? WriterOptions.now() : nil)
        var progress: Progress?
        let (incident, written) = try export.run(
            from: try register.open(create: false),
            progress: { done, total in
                if progress == nil { progress = Progress(total: total) }
                progress?.advance()
            }, output: Output.raw)
        progress?.finish()
        guard written > 0 else { throw CommandError.noNoticeMatches(export.incident, version: version) }
        if let out { Output.print("\(WriteReceipt.incident(incident)): \(written) notice(s) written to \(out)") }
    }
}
