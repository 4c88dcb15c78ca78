import IncidentCore

extension NoticeLanguage {
    /// Polish, in the terms of the Polish text of the GDPR (osoby, których dane dotyczą; podmiot przetwarzający).
    /// Months are in the genitive, as a date is written (`23 listopada 2026 r.`).
    static let polish = NoticeLanguage(
        code: "pl",
        phases: [
            .investigate: "trwa wyjaśnianie okoliczności",
            .contain: "trwa powstrzymywanie incydentu",
            .mitigate: "incydent powstrzymany; trwa ograniczanie jego skutków",
            .remediate: "incydent powstrzymany; trwa usuwanie jego przyczyny",
            .restore: "przyczyna usunięta; trwa przywracanie działania usług",
            .closed: "incydent zamknięty",
        ],
        changeItems: [
            "phase": "Stan incydentu",
            "awareAt": "Moment stwierdzenia incydentu",
            "nature": "Charakter incydentu",
            "dataCategories": "Kategorie danych osobowych",
            "subjectCategories": "Kategorie osób, których dane dotyczą",
            "records": "Przybliżona liczba rekordów",
            "subjects": "Przybliżona liczba osób, których dane dotyczą",
            "consequences": "Nowo ustalone skutki",
            "mitigationMeasures": "Nowe środki powstrzymujące i ograniczające",
            "remediationActions": "Nowe działania naprawcze",
            "recommendedActions": "Nowe zalecenia dla Państwa",
            "plannedActions": "Nowo zaplanowane środki",
            "withdrawnDataCategories": "Kategorie danych osobowych wskazane wcześniej omyłkowo, które nie są objęte incydentem",
            "withdrawnSubjectCategories": "Kategorie osób wskazane wcześniej omyłkowo, których incydent nie dotyczy",
            "withdrawnConsequences": "Wcześniej wskazane skutki, których już nie przewidujemy",
            "withdrawnActions": "Środki wskazane omyłkowo, które niniejszym wycofujemy",
            "withdrawnRecommendedActions": "Wycofane zalecenia",
        ],
        severities: [.low: "niewielką", .medium: "umiarkowaną", .high: "poważną", .critical: "bardzo poważną"],
        notYetKnown: "do ustalenia",
        listSeparator: "; ",
        categories: [
            "names": "Imiona i nazwiska",
            "email-addresses": "Adresy e-mail",
            "telephone-numbers": "Numery telefonów",
            "user-identifiers": "Identyfikatory użytkowników",
            "account-information": "Informacje o kontach",
            "communications-metadata": "Metadane komunikacji",
            "chat-transcripts": "Zapisy rozmów na czacie",
            "call-metadata": "Metadane połączeń telefonicznych",
            "video-session-metadata": "Metadane sesji wideo",
            "device-information": "Informacje o urządzeniach",
            "ip-addresses": "Adresy IP",
            "browser-information": "Informacje o przeglądarce",
            "authentication-information": "Dane uwierzytelniające",
            "usage-data": "Dane o korzystaniu z usługi",
            "customer-submitted-information": "Informacje przekazane przez klienta",
            "support-communications": "Korespondencja z działem wsparcia i obsługi",
            "customer-employees": "Pracownicy klienta",
            "authorized-users": "Upoważnieni użytkownicy",
            "administrators": "Administratorzy systemu",
            "end-users": "Użytkownicy końcowi",
            "prospective-customers": "Potencjalni klienci",
            "business-contacts": "Kontakty biznesowe",
            "customer-representatives": "Przedstawiciele klienta",
            "website-visitors": "Osoby odwiedzające strony internetowe",
            "support-contacts": "Osoby kontaktowe ds. wsparcia",
        ],
        approximate: { "około " + grouped($0, "\u{A0}") },
        // `23 listopada 2026 r. o godz. 09:05` (and ` (UTC+02:00)` where a time's offset differs from the notice's), with no-break spaces where a line must not break
        time: { t in
            let months = Months.polish
            return "\(t.day)\u{A0}\(months[t.month - 1]) \(t.year)\u{A0}r. o\u{A0}godz.\u{A0}\(twoDigits(t.hour)):\(twoDigits(t.minute))"
                + zoneSuffix(t)
        })
}
