/// The rules for the last notice to each customer: what it may not leave open, and numbers in the closing
/// summary that are not that customer's own.
extension Workflow {
    /// For each customer still affected, what its final notice would leave unknown without a recorded reason.
    public static func finalNoticeGaps(_ incident: Incident, directory: Directory) -> [(customer: String, gaps: [String])] {
        incident.shares.filter { $0.ruledOut == nil && directory.customers[$0.customer] != nil }.map { share in
            (share.customer, NoticeFacts.gaps(incident: incident, share: share, organisation: directory.organisation))
        }
    }

    /// The numbers in a final notice's closing summary that are neither the customer's records nor its data
    /// subjects. The summary goes to every customer, so a total there reads as this customer's count unless
    /// its own note explains it; a notice with a closing note is taken as explained.
    public static func foreignCounts(in facts: NoticeFacts) -> [Int] {
        guard facts.kind == .final, facts.closingNote == nil, let summary = facts.closingSummary else { return [] }
        let own = Set([facts.records, facts.subjects].compactMap { $0 })
        var seen = Set<Int>()
        return counts(in: summary).filter { !own.contains($0) && seen.insert($0).inserted }
    }

    /// Counts written in text: digits, optionally grouped in threes by `,` `.` `'` or a space (`58,500`,
    /// `58.500`, `58 500`). Left out: numbers under 100, a year (1900–2100 without grouping), a percentage,
    /// and numbers joined to `-` `:` `/` (dates, times, incident ids).
    public static func counts(in text: String) -> [Int] {
        let chars = Array(text)
        let separators: Set<Character> = [",", ".", "'", " ", "\u{00A0}", "\u{202F}", "\u{2009}"]
        let joiners: Set<Character> = ["-", ":", "/", "%"]
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        var result: [Int] = []
        var i = 0
        while i < chars.count {
            guard isDigit(chars[i]), i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber) else {
                i += 1
                continue
            }
            let start = i
            var digits = ""
            var grouped = false
            while i < chars.count, isDigit(chars[i]) {
                digits.append(chars[i])
                i += 1
            }
            // Further groups of exactly three digits after a separator, when the first group has at most three.
            func groupFollows(_ at: Int) -> Bool {
                guard at + 3 < chars.count, separators.contains(chars[at]) else { return false }
                guard chars[(at + 1)...(at + 3)].allSatisfy(isDigit) else { return false }
                return at + 4 == chars.count || !isDigit(chars[at + 4])
            }
            while digits.count <= 3 || grouped, groupFollows(i) {
                digits += String(chars[(i + 1)...(i + 3)])
                grouped = true
                i += 4
            }
            let before = start > 0 ? chars[start - 1] : " "
            let after = i < chars.count ? chars[i] : " "
            guard let value = Int(digits), !joiners.contains(before), !joiners.contains(after), value >= 100 else { continue }
            if !grouped && (1900...2100).contains(value) { continue }
            result.append(value)
        }
        return result
    }
}

extension Workflow {
    /// Adds a note for one customer to its planned notice; only a final notice carries one.
    public static func addClosingNote(_ note: String, to planned: inout [NoticeFacts], incident: IncidentID) throws {
        for index in planned.indices {
            guard planned[index].kind == .final else {
                throw InputError(
                    field: .closingNote,
                    problem:
                        "a closing note goes in a final notice, and \(incident) is still open; close it first, or put the text in an update"
                )
            }
            planned[index].closingNote = note
        }
    }
}
