import IncidentCore

extension NoticeLanguage {
    /// French, in the terms of the French text of the GDPR (personnes concernées, sous-traitant). French
    /// typography puts a no-break space before `;` and `:` and between groups of digits.
    static let french = NoticeLanguage(
        code: "fr",
        phases: [
            .investigate: "investigation en cours",
            .contain: "confinement en cours",
            .mitigate: "incident circonscrit\u{A0}; atténuation de ses effets en cours",
            .remediate: "incident circonscrit\u{A0}; correction de sa cause en cours",
            .restore: "cause corrigée\u{A0}; rétablissement des services concernés en cours",
            .closed: "incident clos",
        ],
        changeItems: [
            "phase": "État de l’incident",
            "awareAt": "Date de prise de connaissance",
            "nature": "Nature de l’incident",
            "dataCategories": "Catégories de données à caractère personnel",
            "subjectCategories": "Catégories de personnes concernées",
            "records": "Nombre approximatif d’enregistrements",
            "subjects": "Nombre approximatif de personnes concernées",
            "consequences": "Conséquences nouvellement identifiées",
            "mitigationMeasures": "Nouvelles mesures de confinement et d’atténuation",
            "remediationActions": "Nouvelles mesures correctives",
            "recommendedActions": "Nouvelles recommandations à votre intention",
            "plannedActions": "Mesures nouvellement prévues",
            "withdrawnDataCategories": "Catégories de données à caractère personnel signalées par erreur et finalement non concernées",
            "withdrawnSubjectCategories": "Catégories de personnes signalées par erreur et finalement non concernées",
            "withdrawnConsequences": "Conséquences signalées précédemment que nous n’envisageons plus",
            "withdrawnActions": "Mesures signalées par erreur, que nous retirons",
            "withdrawnRecommendedActions": "Recommandations que nous retirons",
        ],
        severities: [.low: "mineur", .medium: "modéré", .high: "grave", .critical: "très grave"],
        notYetKnown: "à déterminer",
        listSeparator: "\u{A0}; ",
        categories: [
            "names": "Noms et prénoms",
            "email-addresses": "Adresses électroniques",
            "telephone-numbers": "Numéros de téléphone",
            "user-identifiers": "Identifiants d’utilisateur",
            "account-information": "Informations relatives aux comptes",
            "communications-metadata": "Métadonnées des communications",
            "chat-transcripts": "Historiques de conversations en ligne",
            "call-metadata": "Métadonnées des appels",
            "video-session-metadata": "Métadonnées des sessions vidéo",
            "device-information": "Informations relatives aux appareils",
            "ip-addresses": "Adresses IP",
            "browser-information": "Informations relatives au navigateur",
            "authentication-information": "Données d’authentification",
            "usage-data": "Données d’utilisation",
            "customer-submitted-information": "Informations transmises par le client",
            "support-communications": "Échanges avec l’assistance et le service client",
            "customer-employees": "Membres du personnel du client",
            "authorized-users": "Utilisateurs habilités",
            "administrators": "Administrateurs",
            "end-users": "Utilisateurs finaux",
            "prospective-customers": "Clients potentiels",
            "business-contacts": "Contacts professionnels",
            "customer-representatives": "Représentants du client",
            "website-visitors": "Visiteurs de sites web",
            "support-contacts": "Interlocuteurs de l’assistance",
        ],
        approximate: { "environ " + grouped($0, "\u{A0}") },
        // `23 novembre 2026 à 9 h 05` (and ` (UTC+02:00)` where a time's offset differs from the notice's); the first of the month is `1er`.
        time: { t in
            let months = Months.french
            let day = t.day == 1 ? "1er" : "\(t.day)"
            return "\(day)\u{A0}\(months[t.month - 1]) \(t.year) à \(t.hour)\u{A0}h\u{A0}\(twoDigits(t.minute))" + zoneSuffix(t)
        })
}
