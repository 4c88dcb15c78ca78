import IncidentCore

extension NoticeLanguage {
    /// German, in the terms of the German text of the GDPR (betroffene Personen, Auftragsverarbeiter).
    static let german = NoticeLanguage(
        code: "de",
        phases: [
            .investigate: "Untersuchung dauert an",
            .contain: "Eindämmung dauert an",
            .mitigate: "eingedämmt; Minderung der Folgen dauert an",
            .remediate: "eingedämmt; Beseitigung der Ursache dauert an",
            .restore: "Ursache beseitigt; Wiederherstellung der betroffenen Dienste dauert an",
            .closed: "abgeschlossen",
        ],
        changeItems: [
            "phase": "Bearbeitungsstand",
            "awareAt": "Zeitpunkt der Kenntnisnahme",
            "nature": "Art des Vorfalls",
            "dataCategories": "Kategorien personenbezogener Daten",
            "subjectCategories": "Kategorien betroffener Personen",
            "records": "Ungefähre Zahl der Datensätze",
            "subjects": "Ungefähre Zahl betroffener Personen",
            "consequences": "Neu festgestellte Folgen",
            "mitigationMeasures": "Neue Maßnahmen zur Eindämmung und Minderung",
            "remediationActions": "Neue Maßnahmen zur Behebung",
            "recommendedActions": "Neue Empfehlungen an Sie",
            "plannedActions": "Neu geplante Maßnahmen",
            "withdrawnDataCategories": "Irrtümlich gemeldet, nicht betroffen: Kategorien personenbezogener Daten",
            "withdrawnSubjectCategories": "Irrtümlich gemeldet, nicht betroffen: Kategorien betroffener Personen",
            "withdrawnConsequences": "Früher gemeldete Folgen, die wir nicht mehr erwarten",
            "withdrawnActions": "Irrtümlich gemeldete Maßnahmen, hiermit zurückgenommen",
            "withdrawnRecommendedActions": "Zurückgenommene Empfehlungen",
        ],
        severities: [.low: "geringfügig", .medium: "mittelschwer", .high: "schwerwiegend", .critical: "sehr schwerwiegend"],
        notYetKnown: "noch nicht bekannt",
        listSeparator: "; ",
        categories: [
            "names": "Namen",
            "email-addresses": "E-Mail-Adressen",
            "telephone-numbers": "Telefonnummern",
            "user-identifiers": "Nutzerkennungen",
            "account-information": "Kontoinformationen",
            "communications-metadata": "Metadaten der Kommunikation",
            "chat-transcripts": "Chatverläufe",
            "call-metadata": "Metadaten von Anrufen",
            "video-session-metadata": "Metadaten von Videositzungen",
            "device-information": "Geräteinformationen",
            "ip-addresses": "IP-Adressen",
            "browser-information": "Browserinformationen",
            "authentication-information": "Authentifizierungsdaten",
            "usage-data": "Nutzungsdaten",
            "customer-submitted-information": "Vom Kunden übermittelte Informationen",
            "support-communications": "Kommunikation mit Support und Kundendienst",
            "customer-employees": "Beschäftigte des Kunden",
            "authorized-users": "Berechtigte Nutzer",
            "administrators": "Administratoren",
            "end-users": "Endnutzer",
            "prospective-customers": "Interessenten",
            "business-contacts": "Geschäftskontakte",
            "customer-representatives": "Vertreter des Kunden",
            "website-visitors": "Besucher von Websites",
            "support-contacts": "Ansprechpersonen im Support",
        ],
        approximate: { "etwa " + grouped($0, ".") },
        // `23. November 2026 um 09:05 Uhr` (and ` (UTC+02:00)` where a time's offset differs from the notice's), with no-break spaces where a line must not break (DIN 5008)
        time: { t in
            let months = Months.german
            return "\(t.day).\u{A0}\(months[t.month - 1]) \(t.year) um \(twoDigits(t.hour)):\(twoDigits(t.minute))\u{A0}Uhr" + zoneSuffix(t)
        })
}
