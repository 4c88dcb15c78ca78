import Testing

@testable import IncidentCore

@Suite struct SubprocessorOriginTests {
    static let detected = Timestamp.utc(year: 2026, month: 11, day: 22, hour: 20)!

    @Test func onTimeWithinTheAgreedHours() {
        let origin = SubprocessorOrigin(slug: "twilio", notifiedAt: Self.detected.adding(seconds: 12 * 3600), notifyHours: 24)
        #expect(
            origin.timing(detectedAt: Self.detected)
                == .onTime(hours: 24, dueBy: Self.detected.adding(seconds: 24 * 3600), seconds: 12 * 3600))
    }

    @Test func exactlyAtTheDeadlineIsOnTime() {
        let origin = SubprocessorOrigin(slug: "twilio", notifiedAt: Self.detected.adding(seconds: 24 * 3600), notifyHours: 24)
        guard case .onTime = origin.timing(detectedAt: Self.detected) else {
            Issue.record("expected on time")
            return
        }
    }

    @Test func lateOneSecondAfter() {
        let origin = SubprocessorOrigin(slug: "twilio", notifiedAt: Self.detected.adding(seconds: 24 * 3600 + 1), notifyHours: 24)
        #expect(
            origin.timing(detectedAt: Self.detected)
                == .late(hours: 24, dueBy: Self.detected.adding(seconds: 24 * 3600), seconds: 24 * 3600 + 1))
    }

    @Test func notJudgedWithoutHoursOrDetection() {
        let origin = SubprocessorOrigin(slug: "x", notifiedAt: Self.detected, notifyHours: nil)
        #expect(origin.timing(detectedAt: Self.detected) == .noAgreedHours)
        let agreed = SubprocessorOrigin(slug: "x", notifiedAt: Self.detected, notifyHours: 48)
        #expect(agreed.timing(detectedAt: nil) == .detectionUnknown(hours: 48))
    }

    @Test func loggingTakesTheNameAndFreezesTheHours() throws {
        let twilio = Subprocessor(slug: "twilio", name: "Twilio, Inc.", services: ["voip"], regions: ["us"], notifyHours: 24)
        let (source, origin) = try Workflow.origin(
            at: "twilio", notifiedAt: Self.detected, directory: Directory(subprocessors: ["twilio": twilio]))
        #expect(source == "Twilio, Inc.")
        #expect(origin == SubprocessorOrigin(slug: "twilio", notifiedAt: Self.detected, notifyHours: 24))
        #expect(throws: InputError.self) { try Workflow.origin(at: "nobody", notifiedAt: Self.detected, directory: Directory()) }
    }

    @Test func aCorrectionKeepsWhatItDoesNotChange() throws {
        let twilio = Subprocessor(slug: "twilio", name: "Twilio, Inc.", services: ["voip"], regions: ["us"], notifyHours: 24)
        let northwind = Subprocessor(slug: "northwind", name: "Northwind Voice", services: ["voip"], regions: ["eu"], notifyHours: 12)
        let directory = Directory(subprocessors: ["twilio": twilio, "northwind": northwind])
        var incident = try Fixture.logged()
        // Not started at a subprocessor: a time alone cannot be corrected, a subprocessor alone has no time.
        #expect(try Workflow.correctedOrigin(of: incident, slug: nil, notifiedAt: nil, directory: directory) == nil)
        #expect(throws: InputError.self) {
            try Workflow.correctedOrigin(of: incident, slug: nil, notifiedAt: Self.detected, directory: directory)
        }
        #expect(throws: InputError.self) {
            try Workflow.correctedOrigin(of: incident, slug: "twilio", notifiedAt: nil, directory: directory)
        }
        // Started at Twilio with the name and hours of then (since renamed, and its hours changed to 24).
        incident.subprocessor = SubprocessorOrigin(slug: "twilio", notifiedAt: Self.detected, notifyHours: 36)
        incident.source = "Twilio"
        let later = Self.detected.adding(seconds: 3600)
        let sameOne = try #require(try Workflow.correctedOrigin(of: incident, slug: nil, notifiedAt: later, directory: directory))
        #expect(sameOne.source == "Twilio")
        #expect(sameOne.origin == SubprocessorOrigin(slug: "twilio", notifiedAt: later, notifyHours: 36))
        let other = try #require(try Workflow.correctedOrigin(of: incident, slug: "northwind", notifiedAt: nil, directory: directory))
        #expect(other.source == "Northwind Voice")
        #expect(other.origin == SubprocessorOrigin(slug: "northwind", notifiedAt: Self.detected, notifyHours: 12))
        #expect(throws: InputError.self) {
            try Workflow.correctedOrigin(of: incident, slug: "nobody", notifiedAt: nil, directory: directory)
        }
    }

    @Test func anUpdateCorrectsTheOriginAndReplaysIt() throws {
        var incident = try Fixture.logged()
        incident.detectedAt = Self.detected
        var proposal = UpdateProposal()
        proposal.source = "Northwind Voice"
        proposal.subprocessor = SubprocessorOrigin(slug: "northwind", notifiedAt: Self.detected.adding(seconds: 600), notifyHours: 12)
        let event = try Workflow.update(incident, proposal: proposal, context: Fixture.context)
        guard case .updated(let body) = event.payload else {
            Issue.record("expected an update")
            return
        }
        #expect(body.subprocessor == Change(from: nil, to: proposal.subprocessor!))
        #expect(body.summaryParts.contains("subprocessor (none) → northwind (told us 2026-11-22T20:10:00Z)"))
        try incident.apply(event)
        #expect(incident.subprocessor == proposal.subprocessor)
        #expect(incident.source == "Northwind Voice")
        // Told us before it detected the incident: refused, as when logging.
        proposal.subprocessor?.notifiedAt = Self.detected.adding(seconds: -1)
        #expect(throws: InputError.self) { try Workflow.update(incident, proposal: proposal, context: Fixture.context) }
        // So is a detection time corrected to after the subprocessor told us.
        var later = UpdateProposal()
        later.detectedAt = Self.detected.adding(seconds: 3600)
        #expect(throws: InputError.self) { try Workflow.update(incident, proposal: later, context: Fixture.context) }
        later.detectedAt = Self.detected.adding(seconds: 300)
        #expect(throws: Never.self) { try Workflow.update(incident, proposal: later, context: Fixture.context) }
    }

    @Test func aNoticeBeforeDetectionOrInTheFutureIsRefused() {
        var body = Logged(title: "t", nature: "n", awareAt: Fixture.now.adding(seconds: -60), detectedAt: Self.detected)
        body.subprocessor = SubprocessorOrigin(slug: "twilio", notifiedAt: Self.detected.adding(seconds: -1), notifyHours: 24)
        #expect(
            throws: InputError(
                field: .subprocessorNotifiedAt,
                problem:
                    "2026-11-22T19:59:59Z is before the detection time 2026-11-22T20:00:00Z; the subprocessor cannot have told us before it knew"
            )
        ) {
            try Workflow.check(body, context: Fixture.context)
        }
        body.subprocessor?.notifiedAt = Fixture.now.adding(seconds: 3600)
        #expect(throws: InputError.self) { try Workflow.check(body, context: Fixture.context) }
    }

    @Test func theOriginIsReplayedFromTheLoggedEvent() throws {
        var body = Logged(title: "t", nature: "n", awareAt: Fixture.now.adding(seconds: -60), source: "Twilio, Inc.")
        body.subprocessor = SubprocessorOrigin(slug: "twilio", notifiedAt: Self.detected, notifyHours: 24)
        let incident = try Incident.started(by: Workflow.log(body, id: Fixture.id, context: Fixture.context))
        #expect(incident.subprocessor == body.subprocessor)
    }
}
