/// Parses dates in ISO 8601 and as English and French prose write them, keeping the precision given:
/// "2024-07-29", "2024-07", "2024", "2024-07-29T14:05:00Z", "29 July 2024", "July 29, 2024",
/// "Monday, July 29, 2024", "le 29 juillet 2024", "1er août 2024", "juillet 2024", "29/07/2024"
/// (day first in French, month first in English).
enum DateParser {
    static func parse(_ original: String, language: String) -> DateValue? {
        if let iso = iso(original.trimmingSpace(newlines: false)) { return iso }
        let text = ValueWords.simplify(original).replacingOccurrences(of: ",", with: " ")
        var words: [String] = []
        for w in text.split(separator: " ").map({ String($0.drop { $0 == "." }.reversed().drop { $0 == "." }.reversed()) }) {
            if ["er", "st", "nd", "rd", "th"].contains(w), let last = words.last, Int(last) != nil {
                continue  // "1er", "29th": simplify() split the ordinal suffix off the digits
            }
            words.append(w)
        }
        for lead in ["le", "on", "the"] where words.first == lead { words.removeFirst() }
        if let first = words.first, ValueWords.weekdays.contains(first) { words.removeFirst() }
        for lead in ["le", "the"] where words.first == lead { words.removeFirst() }
        func day(_ w: String) -> Int? {
            var w = Substring(w)
            for suffix in ["er", "st", "nd", "rd", "th"] where w.hasSuffix(suffix) { w = w.dropLast(suffix.count); break }
            guard let d = Int(w), (1...31).contains(d) else { return nil }
            return d
        }
        func year(_ w: String) -> Int? {
            guard w.count == 4, let y = Int(w), y >= 1000 else { return nil }
            return y
        }
        switch words.count {
        case 1:
            if let slashed = slashed(words[0], language: language) { return slashed }
        case 2:
            if let m = ValueWords.months[words[0]], let y = year(words[1]) { return make(y, m, nil) }
        case 3:
            if let d = day(words[0]), let m = ValueWords.months[words[1]], let y = year(words[2]) { return make(y, m, d) }
            if let m = ValueWords.months[words[0]], let d = day(words[1]), let y = year(words[2]) { return make(y, m, d) }
        default: break
        }
        return nil
    }

    private static func slashed(_ w: String, language: String) -> DateValue? {
        let parts = w.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3, w.split(separator: "/")[2].count == 4 else { return nil }
        var (d, m) = language.hasPrefix("en") ? (parts[1], parts[0]) : (parts[0], parts[1])
        if m > 12 && d <= 12 { swap(&d, &m) }
        return make(parts[2], m, d)
    }

    private static func make(_ y: Int, _ m: Int, _ d: Int?) -> DateValue? {
        guard (1...12).contains(m) else { return nil }
        let ym = "\(y)-\(m < 10 ? "0" : "")\(m)"
        guard let d else { return DateValue(value: ym, precision: .month) }
        guard (1...daysIn(y, m)).contains(d) else { return nil }
        return DateValue(value: "\(ym)-\(d < 10 ? "0" : "")\(d)", precision: .day)
    }

    static func daysIn(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// ISO 8601 calendar dates, with an optional time (minutes or seconds) and zone.
    private static func iso(_ text: String) -> DateValue? {
        let t = Array(text.uppercased())
        func num(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= t.count, t[r].allSatisfy(\.isASCIIDigit) else { return nil }
            return Int(String(t[r]))
        }
        guard t.count >= 4, let y = num(0..<4) else { return nil }
        if t.count == 4 { return DateValue(value: String(t), precision: .year) }
        guard t.count >= 7, t[4] == "-", let m = num(5..<7) else { return nil }
        if t.count == 7 { return make(y, m, nil) }
        guard t.count >= 10, t[7] == "-", let d = num(8..<10), let date = make(y, m, d) else { return nil }
        if t.count == 10 { return date }
        guard t.count >= 16, t[10] == "T", let h = num(11..<13), t[13] == ":", let mi = num(14..<16), h < 24, mi < 60 else { return nil }
        var end = 16
        var precision = DateValue.Precision.minute
        if t.count >= 19, t[16] == ":" {
            guard let s = num(17..<19), s < 61 else { return nil }
            end = 19
            precision = .second
        }
        let zone = String(t[end...])
        let zoneOK = zone.isEmpty || zone == "Z" || (zone.count == 6 && (zone.first == "+" || zone.first == "-")
            && num(end + 1..<end + 3) != nil && t[end + 3] == ":" && num(end + 4..<end + 6) != nil)
        guard zoneOK else { return nil }
        return DateValue(value: String(t), precision: precision)
    }
}
