import Foundation
import IncidentCore
import IncidentStore
import Testing

@testable import IncidentNotices

/// Drafting and exporting a batch spread over every core must give exactly what one notice after another gives:
/// the same events on the register, hash for hash, and the same bytes in every file.
@Suite("Notice batches on every core")
struct NoticeBatchExportTests {
    static let now = Timestamp.utc(year: 2026, month: 11, day: 23, hour: 12)!
    static let customers = 37

    /// A fresh register holding one incident that affects `customers` customers in all four languages and three zones.
    struct Fixture {
        let folder = NSTemporaryDirectory() + "incident-batch-\(UUID().uuidString)"
        let register: Register
        let id: IncidentID
        var context: Context { Context(actor: "alice", now: NoticeBatchExportTests.now) }

        init() throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            register = try Register(path: folder + "/register.sqlite", create: true, clock: { NoticeBatchExportTests.now })
            let context = Context(actor: "alice", now: NoticeBatchExportTests.now)
            _ = try register.recordDirectory { _ in
                let organisation = Organisation(
                    name: "Processor Ltd", email: "security@processor.example", phone: "+49 30 1234 5678", dpoEmail: "dpo@processor.example"
                )
                return [DirectoryEvent(payload: .organisationSet(organisation), actor: "alice", recordedAt: context.now)]
                    + (0..<NoticeBatchExportTests.customers).map { n in
                        let customer = Customer(
                            slug: "customer-\(n)", name: "Customer \(n) **GmbH**", emails: ["dpo@customer-\(n).example"],
                            language: ["en", "de", "fr", "pl"][n % 4],
                            timeZone: ["Europe/Berlin", "America/New_York", "Asia/Tokyo"][n % 3])
                        return DirectoryEvent(payload: .customerAdded(customer), actor: "alice", recordedAt: context.now)
                    }
            }
            let body = Logged(
                title: "Transcripts exposed", nature: "A subprocessor's bucket was public", severity: .high,
                awareAt: context.now.adding(seconds: -7200), source: "Northwind Voice Ltd.", dataCategories: ["chat-transcripts"],
                subjectCategories: ["end-users"], records: 10)
            id = try register.log(body, context: context).id
            let directory = try register.directory()
            let proposals = directory.customers.keys.sorted().enumerated().map { n, slug in
                ShareProposal(
                    customer: slug, dataCategories: ["chat-transcripts"], subjectCategories: ["end-users"], records: 100 + n,
                    subjects: 20 + n)
            }
            _ = try register.recordMany(id) { try Workflow.affect($0, proposals, directory: directory, context: context) }
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    @Test("drafting on every core appends the same events, hash for hash, as rendering one notice after another")
    func draftMatchesOneByOne() throws {
        let together = try Fixture()
        let alone = try Fixture()
        defer {
            together.remove()
            alone.remove()
        }
        let drafted = try NoticeDrafting.draft(
            in: together.register, incident: together.id, choice: .all, requested: nil, overrides: nil, context: together.context,
            onFallback: { _ in })
        #expect(drafted.drafted == Self.customers)

        let snapshot = try alone.register.noticeSnapshot(alone.id)
        let planned = try Workflow.planNotices(
            snapshot.incident, customers: try CustomerSelection.all.draftRecipients(in: snapshot.incident),
            directory: snapshot.directory, requested: nil, checkpoint: snapshot.head, lastSent: [:], now: alone.context.now)
        let drafter = try NoticeDrafter(languages: Set(planned.map(\.customer.language)), overrides: nil)
        var versions: [NoticeVersion] = []
        for facts in planned { versions.append(try drafter.render(facts)) }
        let events = try Workflow.draft(snapshot.incident, versions, context: alone.context)
        #expect(try alone.register.append(events, to: alone.id, ifHeadIs: snapshot.head) != nil)

        #expect(try together.register.head() == alone.register.head())
    }

    @Test(
        "a batch written on every core, a window at a time, holds each notice's bytes as exported alone",
        arguments: [NoticeFormat.eml, .html, .txt, .edpb])
    func exportMatchesOneByOne(format: NoticeFormat) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try NoticeDrafting.draft(
            in: fixture.register, incident: fixture.id, choice: .all, requested: nil, overrides: nil, context: fixture.context,
            onFallback: { _ in })
        let out = fixture.folder + "/out"
        var batch = NoticeBatchExport(incident: fixture.id, choice: .all, version: nil, format: format, folder: out, force: false)
        batch.window = 5  // several windows, and a last one part-full
        var reported: [Int] = []
        let (_, exported) = try batch.run(from: fixture.register, progress: { done, _ in reported.append(done) }, output: { _ in })
        #expect(exported == Self.customers)
        #expect(reported == Array(1...Self.customers))

        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names.count == Self.customers)
        #expect(!names.contains { $0.hasPrefix(".") }, "no temporary file is left behind")
        for slug in (0..<Self.customers).map({ "customer-\($0)" }) {
            let single = NoticeBatchExport(
                incident: fixture.id, choice: .one(slug), version: nil, format: format, folder: nil, force: false)
            var alone: [String] = []
            _ = try single.run(from: fixture.register, output: { alone.append($0) })
            let name = try #require(names.first { $0.hasPrefix("\(fixture.id)-\(slug)-v1-") })
            let written = try #require(FileManager.default.contents(atPath: out + "/" + name))
            #expect(alone.count == 1)
            #expect(written == Data((alone.first ?? "").utf8), "\(name) differs from \(slug) exported alone")
        }
    }

    @Test("results come back in input order, with each item's own error")
    func parallelMapKeepsOrder() {
        struct Odd: Error, Equatable { let n: Int }
        let results = Parallel.map(Array(0..<1000)) { n in
            if n % 7 == 3 { throw Odd(n: n) }
            return n * 2
        }
        for (n, result) in results.enumerated() {
            switch result {
            case .success(let value): #expect(n % 7 != 3 && value == n * 2)
            case .failure(let error): #expect(error as? Odd == Odd(n: n))
            }
        }
        let stopped = Parallel.map(Array(0..<1000), stoppingAtFirstError: true) { n in
            if n == 10 { throw Odd(n: n) }
            return n
        }
        #expect(Parallel.firstError(stopped) as? Odd == Odd(n: 10))
        for (n, result) in stopped.enumerated() {
            switch result {
            case .success(let value): #expect(value == n)
            case .failure(let error): #expect(error is Parallel.Skipped || (n == 10 && error as? Odd == Odd(n: 10)))
            }
        }
        #expect(throws: Odd(n: 3)) { try Parallel.mapThrowing(Array(0..<1000)) { n in if n % 7 == 3 { throw Odd(n: n) } } }
    }

    @Test("stopping at the first error still reports the first in input order when a later item fails sooner")
    func firstErrorInOrder() {
        struct Odd: Error, Equatable { let n: Int }
        // On two lanes, item 0 is slow, so lane 1 meets item 3's failure long before lane 0 reaches item 2.
        let results = Parallel.map(Array(0..<4), stoppingAtFirstError: true) { n in
            if n == 0 { usleep(200_000) }
            if n >= 2 { throw Odd(n: n) }
            return n
        }
        #expect(Parallel.firstError(results) as? Odd == Odd(n: 2))
    }
}
