import LedgerCore

/// Finds the values a sentence states — quantities with units and scale words, money, percentages, dates,
/// durations — by asking `ValueParser` about the word spans around each number, number word or month name,
/// keeping the longest span it reads as a quantity, date or duration.
enum ValueSpotter {
    static let anchorWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty", "several", "few",
        "dozen", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "douze", "vingt", "quelques", "plusieurs",
        "million", "millions", "billion", "billions", "milliers", "milliard", "milliards", "thousands", "hundreds",
    ]

    static func values(_ scan: TextScan, language: String) -> [(range: Range<Int>, value: ClaimValue)] {
        let w = scan.words
        var out: [(range: Range<Int>, value: ClaimValue)] = []
        var covered = -1
        for a in w.indices where a > covered && isAnchor(w[a].key) {
            var best: (Int, Int, ClaimValue)? = nil
            for start in stride(from: max(0, a - 3), through: a, by: 1) where !(start < a && (start...a - 1).contains { w[$0].endsClause }) {
                if start <= covered { continue }
                for end in stride(from: min(w.count - 1, a + 3), through: a, by: -1) where !(a < end && (a...end - 1).contains { w[$0].endsClause }) {
                    let r = scan.span(start, end)
                    guard let v = try? ValueParser.parse(scan.string(r), predicate: nil, language: language) else { continue }
                    switch v.value {
                    case .quantity(let q):
                        // The quantity parser takes any words after a number as its unit: keep one word ("people"),
                        // a currency or percent, and never a year ("2024 election").
                        if let unit = q.unit, !currencyUnits.contains(unit) {
                            if unit.contains(" ") || isYear(w[a].key) { continue }
                        }
                    case .date, .duration: break
                    default: continue
                    }
                    if best == nil || r.count > scan.span(best!.0, best!.1).count { best = (start, end, v) }
                }
            }
            // "the 2024 election": a date naming something else, not a date it states.
            if let (s, _, v) = best, v.value.type == .date, s > 0, attributive.contains(w[s - 1].key) { best = nil }
            if let (s, e, v) = best {
                out.append((scan.span(s, e), v))
                covered = e
            }
        }
        return out
    }

    static let currencyUnits: Set<String> = ["USD", "EUR", "GBP", "percent"]

    static func isYear(_ key: String) -> Bool {
        key.count == 4 && key.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } && (1900...2100).contains(Int(key)!)
    }

    static let attributive: Set<String> = ["the", "this", "that", "its", "his", "her", "their", "a", "an"]

    private static func isAnchor(_ key: String) -> Bool {
        key.unicodeScalars.contains { $0.properties.numericType != nil } && !key.hasPrefix("@") || anchorWords.contains(key)
            || monthNames.contains(key)
    }

    static let monthNames: Set<String> = [
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]
}
