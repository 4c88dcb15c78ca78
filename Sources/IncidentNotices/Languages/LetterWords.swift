import IncidentCore

/// The few fixed words of the HTML letter frame around a notice, in one language: the addressee line, the
/// reference line, the kind of notice, and how the letter's date is written.
///
/// The notice's sentences are the templates'; these words only label what the frame shows from the facts.
struct LetterWords: Sendable {
    /// Under the customer's name: whose attention the letter is for.
    let attention: String
    /// Introduces our reference, with its colon as the language sets it (`Our reference:`, `Nos références :`).
    let reference: String
    /// The notice's number: `notice 2`.
    let notice: @Sendable (Int) -> String
    /// The kind as a reader names it.
    let kinds: [NoticeKind: String]
    /// The letter's date, without a time.
    let date: @Sendable (NoticeLanguage.LocalTime) -> String

    /// The frame words of a language; English for a language without them, as for the word table.
    static func named(_ code: String) -> LetterWords { all[code] ?? .english }

    static let all: [String: LetterWords] = ["en": .english, "de": .german, "fr": .french, "pl": .polish]

    static let english = LetterWords(
        attention: "For the attention of the data protection officer",
        reference: "Our reference:",
        notice: { "notice \($0)" },
        kinds: [.initial: "initial notice", .update: "update", .final: "final report"],
        date: { t in "\(t.day) \(Months.english[t.month - 1]) \(t.year)" })

    static let german = LetterWords(
        attention: "z.\u{A0}Hd. der oder des Datenschutzbeauftragten",
        reference: "Unser Zeichen:",
        notice: { "Meldung Nr.\u{A0}\($0)" },
        kinds: [.initial: "Erstmeldung", .update: "Aktualisierung", .final: "Abschlussbericht"],
        date: { t in "\(t.day).\u{A0}\(Months.german[t.month - 1]) \(t.year)" })

    static let french = LetterWords(
        attention: "À l’attention du délégué à la protection des données",
        reference: "Nos références\u{A0}:",
        notice: { "notification n°\u{A0}\($0)" },
        kinds: [.initial: "notification initiale", .update: "mise à jour", .final: "rapport final"],
        date: { t in "\(t.day == 1 ? "1er" : "\(t.day)")\u{A0}\(Months.french[t.month - 1]) \(t.year)" })

    static let polish = LetterWords(
        attention: "Do wiadomości inspektora ochrony danych",
        reference: "Nasz znak:",
        notice: { "zawiadomienie nr\u{A0}\($0)" },
        kinds: [.initial: "pierwsze zawiadomienie", .update: "aktualizacja", .final: "raport końcowy"],
        date: { t in "\(t.day)\u{A0}\(Months.polish[t.month - 1]) \(t.year)\u{A0}r." })
}

/// Month names in the form a date uses (German and French nominative, Polish genitive).
enum Months {
    static let english = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    static let german = [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember",
    ]
    static let french = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]
    static let polish = [
        "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada",
        "grudnia",
    ]
}
