extension ControllerAnnex {
    /// The annex for one notice version. `events` are the incident's events (for the breach types stated up
    /// to the version's drafting, and this customer's notices sent); `regions` are this customer's regions.
    public static func build(notice: NoticeVersion, events: [IncidentEvent], regions: [String]) -> ControllerAnnex {
        let facts = notice.facts
        let kind = notice.kind
        let drafted = events.first { event in
            if case .noticeDrafted(let body) = event.payload {
                body.customer == notice.customer && body.version == notice.version
            } else {
                false
            }
        }
        let types = BreachType.stated(in: events, through: drafted?.number)
        let firstSent = events.lazy.compactMap { event -> (IncidentEvent, NoticeSent)? in
            if case .noticeSent(let body) = event.payload, body.customer == notice.customer { (event, body) } else { nil }
        }.first
        let occurrence: String =
            switch (facts.occurredFrom, facts.occurredTo) {
            case (.some, .some): "known"
            case (.some, nil): "start known, end not known"
            default: Determination.of(known: false, ifKnown: .exact, kind: kind).rawValue
            }
        let measures = (facts.mitigationMeasures + facts.remediationActions).sorted { $0.at < $1.at }.map {
            Measure(text: $0.text, purpose: $0.kind.rawValue, phase: $0.phase, at: $0.at)
        }
        let typesList = DeterminedList.of(types, kind: kind)
        // What `update --cannot-determine ITEM --reason TEXT` recorded, by the item's key in the facts.
        let reasons = Dictionary((facts.cannotDetermine ?? []).map { ($0.item, $0.reason) }, uniquingKeysWith: { _, last in last })
        func has(_ type: BreachType) -> Bool? { types.isEmpty ? nil : types.contains(type) }
        return ControllerAnnex(
            incidentId: facts.incidentId,
            notice: Notice(
                version: notice.version, language: facts.language, draftedAt: facts.draftedAt,
                registerReference: facts.registerReference.description),
            typeOfNotification: TypeOfNotification(
                type: kind, phased: kind.promisesUpdate, supplementsVersion: kind == .initial ? nil : facts.changesSinceVersion,
                nextUpdateBy: facts.nextUpdateBy),
            parties: Parties(
                controller: Controller(name: facts.customer.name, reference: facts.customer.slug, emails: facts.customer.emails),
                processor: Processor(
                    name: facts.contact.name, email: facts.contact.email.isEmpty ? nil : facts.contact.email, phone: facts.contact.phone,
                    address: facts.contact.address, dpoEmail: facts.contact.dpoEmail)),
            timeline: Timeline(
                timeZone: facts.customer.timeZone, occurredFrom: facts.occurredFrom, occurredTo: facts.occurredTo, occurrence: occurrence,
                processorDetectedAt: facts.detectedAt, processorAwareAt: facts.awareAt,
                controllerInformed: ControllerInformed(
                    status: firstSent == nil ? "not yet sent" : "sent", at: firstSent?.0.occurredAt, noticeVersion: firstSent?.1.version,
                    contractualDeadline: firstSent?.1.dueBy ?? facts.dueBy, onTime: firstSent?.1.onTime),
                thisNoticeSentAt: notice.sent?.at),
            nature: Nature(
                description: facts.nature, breachTypes: typesList, confidentiality: has(.confidentiality), integrity: has(.integrity),
                availability: has(.availability), origin: facts.source, atSubprocessor: facts.source != "internal",
                status: facts.phase.rawValue),
            dataSubjects: Scope(
                categories: DeterminedList.of(facts.subjectCategories.map { Category(slug: $0.slug, label: $0.label) }, kind: kind)
                    .explained(by: [reasons["subjectCategories"]].compactMap { $0 }),
                approximateNumber: DeterminedCount.of(facts.subjects, kind: kind).explained(by: reasons["subjects"])),
            personalData: Scope(
                categories: DeterminedList.of(facts.dataCategories.map { Category(slug: $0.slug, label: $0.label) }, kind: kind)
                    .explained(by: [reasons["dataCategories"]].compactMap { $0 }),
                approximateNumber: DeterminedCount.of(facts.records, kind: kind).explained(by: reasons["records"])),
            likelyConsequences: DeterminedList.of(facts.consequences, kind: kind).explained(
                by: [reasons["consequences"]].compactMap { $0 }),
            measures: Measures(
                taken: DeterminedList.of(measures, kind: kind).explained(
                    by: [reasons["mitigationMeasures"], reasons["remediationActions"]].compactMap { $0 }),
                planned: "not recorded in the register; see the notice's text",
                closingSummary: facts.closingSummary),
            countries: countries(regions, subjects: facts.subjects, records: facts.records, kind: kind))
    }

    /// Per-country figures from the controller's regions. The register keeps one count per customer, so it
    /// can be put against a country only when the customer has exactly one country.
    static func countries(_ regions: [String], subjects: Int?, records: Int?, kind: NoticeKind) -> Countries {
        let basis = "the controller's regions in our customer list; counts are given per country only when it has one country"
        guard !regions.isEmpty else { return Countries(status: "unknown", basis: basis, entries: []) }
        func country(_ region: String) -> String? {
            let code = region.lowercased()
            return code.count == 2 && code != "eu" && code.allSatisfy({ $0.isASCII && $0.isLetter }) ? code.uppercased() : nil
        }
        let single = regions.count == 1 && country(regions[0]) != nil
        let unsplit = DeterminedCount(status: .cannotBeDetermined, value: nil)
        return Countries(
            status: "known", basis: basis,
            entries: regions.map { region in
                CountryEntry(
                    region: region, country: country(region),
                    dataSubjects: single ? .of(subjects, kind: kind) : unsplit, records: single ? .of(records, kind: kind) : unsplit)
            })
    }
}
