/// Parses spans of time in English and French into seconds: "two days", "24 hours", "48h",
/// "several hours" (2–9), "quelques heures" (2–5), "more than two days", "between 2 and 3 hours",
/// "an hour", "une demi-heure". Months count 30 days and years 365.
enum DurationParser {
    static func parse(_ original: String, language: String) -> DurationValue? {
        let text = ValueWords.simplify(original)
        if ["half an hour", "une demi-heure", "une demi heure", "a half hour"].contains(text) {
            return DurationValue(min: DecimalNumber("1800")!, max: DecimalNumber("1800")!, qualifier: "exactly")
        }
        guard let unitWord = text.split(separator: " ").last, let seconds = ValueWords.timeUnits[String(unitWord)] else { return nil }
        var count = text.dropLast(unitWord.count).trimmingSpace(newlines: false)
        if let (lo, hi) = ValueWords.vagueCounts[count] {
            return DurationValue(min: DecimalNumber(String(lo * seconds))!, max: DecimalNumber(String(hi * seconds))!, qualifier: "vague")
        }
        for article in ["a", "an", "un", "une", "one"] where count == article || count.hasSuffix(" " + article) {
            count = String(count.dropLast(article.count)) + "1"
        }
        guard let q = QuantityParser.parse(count.isEmpty ? "1" : count, language: language), q.unit == nil else { return nil }
        let n = q.amount.multiplied(by: seconds)
        switch q.qualifier {
        case .exactly, .about, .nearly: return DurationValue(min: n, max: n, qualifier: q.qualifier.rawValue)
        case .more_than, .at_least: return DurationValue(min: n, max: nil, qualifier: q.qualifier.rawValue)
        case .less_than, .at_most: return DurationValue(min: DecimalNumber("0")!, max: n, qualifier: q.qualifier.rawValue)
        case .between: return DurationValue(min: n, max: q.upper!.multiplied(by: seconds), qualifier: "between")
        }
    }
}
