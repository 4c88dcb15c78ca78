/// The annex a controller's DPO copies into its own Art. 33 notification: one notice version laid out along
/// the sections of the EDPB's draft common breach-notification template, as far as public descriptions of
/// it let us follow them (docs/edpb-annex.md maps every field).
///
/// It holds one customer's share only: the notice's frozen facts (already that customer's), the incident's
/// breach types, that customer's own notices sent, and that customer's regions. Keys and coded values are
/// the same in every language; typed text is as typed; category labels are the English ones of Appendix 1.
public struct ControllerAnnex: Codable, Equatable, Sendable {
    public static let format = "incident-controller-annex/1"
    public static let template =
        "EDPB draft common template for personal data breach notification, adopted 10 June 2026 for consultation (structure as we read it from public descriptions)"

    public var format = ControllerAnnex.format
    public var template = ControllerAnnex.template
    public var incidentId: String
    public var notice: Notice
    public var typeOfNotification: TypeOfNotification
    public var parties: Parties
    public var timeline: Timeline
    public var nature: Nature
    public var dataSubjects: Scope
    public var personalData: Scope
    public var likelyConsequences: DeterminedList<String>
    public var measures: Measures
    public var countries: Countries

    public struct Notice: Codable, Equatable, Sendable {
        public var version: Int
        public var language: String
        public var draftedAt: Timestamp
        public var registerReference: String
    }

    public struct TypeOfNotification: Codable, Equatable, Sendable {
        /// `initial`, `update` or `final`.
        public var type: NoticeKind
        /// True until the final notice: more information follows in phases (Art. 33(4) GDPR).
        public var phased: Bool
        /// The version this one supplements, when it is an update or final notice.
        public var supplementsVersion: Int?
        public var nextUpdateBy: Timestamp?
    }

    public struct Parties: Codable, Equatable, Sendable {
        public var controller: Controller
        public var processor: Processor
    }

    public struct Controller: Codable, Equatable, Sendable {
        public var role = "controller"
        public var name: String
        public var reference: String
        public var emails: [String]
    }

    public struct Processor: Codable, Equatable, Sendable {
        public var role = "processor"
        public var name: String
        public var email: String?
        public var phone: String?
        public var address: String?
        public var dpoEmail: String?
    }

    public struct Timeline: Codable, Equatable, Sendable {
        public var timeZone: String
        public var occurredFrom: Timestamp?
        public var occurredTo: Timestamp?
        /// `known`, `start known, end not known` or one of the determinations.
        public var occurrence: String
        public var processorDetectedAt: Timestamp?
        public var processorAwareAt: Timestamp
        public var controllerInformed: ControllerInformed
        public var thisNoticeSentAt: Timestamp?
    }

    /// When the processor first informed this controller (its first notice marked sent), or `not yet sent`.
    public struct ControllerInformed: Codable, Equatable, Sendable {
        public var status: String
        public var at: Timestamp?
        public var noticeVersion: Int?
        /// The processor's contractual deadline towards this controller, and whether the first notice met it.
        public var contractualDeadline: Timestamp
        public var onTime: Bool?
    }

    public struct Nature: Codable, Equatable, Sendable {
        public var description: String
        public var breachTypes: DeterminedList<BreachType>
        public var confidentiality: Bool?
        public var integrity: Bool?
        public var availability: Bool?
        /// `internal`, or the subprocessor where it started.
        public var origin: String
        public var atSubprocessor: Bool
        public var status: String
    }

    public struct Category: Codable, Equatable, Sendable {
        public var slug: String
        public var label: String
    }

    public struct Scope: Codable, Equatable, Sendable {
        public var categories: DeterminedList<Category>
        public var approximateNumber: DeterminedCount
    }

    public struct Measure: Codable, Equatable, Sendable {
        public var text: String
        public var purpose: String
        public var phase: Phase
        public var at: Timestamp
    }

    public struct Measures: Codable, Equatable, Sendable {
        public var taken: DeterminedList<Measure>
        /// The register records measures once taken, not plans: planned measures are in the notice's text.
        public var planned: String
        public var closingSummary: String?
    }

    public struct Countries: Codable, Equatable, Sendable {
        /// `known` when the controller's regions are recorded, else `unknown`.
        public var status: String
        public var basis: String
        public var entries: [CountryEntry]
    }

    public struct CountryEntry: Codable, Equatable, Sendable {
        /// The region as recorded: a country code (`de`) or a wider region (`eu`).
        public var region: String
        /// The ISO 3166-1 code in capitals, when the region is a country.
        public var country: String?
        public var dataSubjects: DeterminedCount
        public var records: DeterminedCount
    }
}
