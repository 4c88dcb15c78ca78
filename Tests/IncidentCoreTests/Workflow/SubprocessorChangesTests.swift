import Testing

@testable import IncidentCore

@Suite struct SubprocessorChangesTests {
    static let twilio = Subprocessor(slug: "twilio", name: "Twilio, Inc.", services: ["voip"], regions: ["us"], notifyHours: 24)

    @Test func addingSkipsIdenticalAndRefusesDifferent() throws {
        let directory = Directory(subprocessors: ["twilio": Self.twilio])
        #expect(try Workflow.addSubprocessors(directory, [(Self.twilio, .subprocessorSlug)], context: Fixture.context).isEmpty)
        var other = Self.twilio
        other.regions = ["eu"]
        #expect(throws: InputError.self) {
            try Workflow.addSubprocessors(directory, [(other, .subprocessorSlug)], context: Fixture.context)
        }
        let linode = Subprocessor(slug: "linode", name: "Linode, LLC", services: ["hosting"], regions: ["eu"])
        let events = try Workflow.addSubprocessors(Directory(), [(linode, .subprocessorSlug)], context: Fixture.context)
        #expect(events.map(\.payload) == [.subprocessorAdded(linode)])
        #expect(try Directory().applying(events[0]).subprocessors["linode"] == linode)
    }

    @Test func editingReplacesListsAndKeepsTheRest() throws {
        let directory = Directory(subprocessors: ["twilio": Self.twilio])
        var changes = SubprocessorChanges()
        changes.regions = ["eu", "us"]
        changes.notifyHours = .some(nil)
        let events = try Workflow.editSubprocessor(directory, slug: "twilio", changes, context: Fixture.context)
        var expected = Self.twilio
        expected.regions = ["eu", "us"]
        expected.notifyHours = nil
        #expect(events.map(\.payload) == [.subprocessorEdited(expected)])
        #expect(try Workflow.editSubprocessor(directory, slug: "twilio", SubprocessorChanges(), context: Fixture.context).isEmpty)
        var empty = SubprocessorChanges()
        empty.services = []
        #expect(throws: InputError.self) { try Workflow.editSubprocessor(directory, slug: "twilio", empty, context: Fixture.context) }
        #expect(throws: InputError.self) { try Workflow.editSubprocessor(directory, slug: "nobody", changes, context: Fixture.context) }
    }

    @Test func importRowsOfOneSlugAreMerged() throws {
        func row(_ service: String, _ region: String, line: Int, name: String = "Amazon Web Services, LLC") -> (Subprocessor, Field) {
            (Subprocessor(slug: "aws", name: name, services: [service], regions: [region]), Field.row("s.csv", line: line))
        }
        let merged = try Subprocessor.merging(rows: [
            row("hosting", "eu", line: 2), row("hosting", "us", line: 3), row("backup", "us", line: 4),
        ])
        #expect(merged.count == 1)
        #expect(merged[0].subprocessor.services == ["hosting", "backup"])
        #expect(merged[0].subprocessor.regions == ["eu", "us"])
        #expect(merged[0].origin == Field.row("s.csv", line: 2))
        #expect(throws: InputError.self) {
            try Subprocessor.merging(rows: [row("hosting", "eu", line: 2), row("hosting", "us", line: 3, name: "AWS")])
        }
    }

    @Test func validationNamesTheField() {
        #expect(throws: InputError.self) {
            try Subprocessor.validated(slug: "twilio", name: "Twilio", services: [], regions: [], notifyHours: nil)
        }
        do {
            _ = try Subprocessor.validated(slug: "twilio", name: "Twilio", services: ["voip"], regions: ["e u"], notifyHours: nil)
            Issue.record("accepted a bad region")
        } catch let error as InputError { #expect(error.field == .region) } catch { Issue.record("\(error)") }
        do {
            _ = try Subprocessor.validated(slug: "twilio", name: "Twilio", services: ["voip"], regions: [], notifyHours: 0)
            Issue.record("accepted 0 hours")
        } catch let error as InputError { #expect(error.field == .notifyHours) } catch { Issue.record("\(error)") }
    }
}
