/// Parses quantities as news text writes them, in English and French: "more than 200,000",
/// "près de 200.000 personnes", "200 000" (space, U+00A0 or U+202F), "1,5 milliard d'euros", "$4 million",
/// "between 10 and 20", "au moins trois", "200,000 or more".
///
/// Digit grouping: mixed ',' and '.' → the last is the decimal mark; a mark repeated, or a space, groups;
/// a single mark before exactly three digits groups unless it is the language's decimal mark (',' in
/// French, '.' in English) — and ",000"/".000" always groups, since no one writes 200.000 meaning 200.
enum QuantityParser {
    static func parse(_ original: String, language: String) -> Quantity? {
        var rest = Substring(ValueWords.simplify(original))
        var qualifier = QuantityQualifier.exactly
        for (phrase, q) in ValueWords.qualifierPrefixes where rest.hasPrefix(phrase) {
            let after = rest.dropFirst(phrase.count)
            if after.first == " " || phrase.allSatisfy({ !$0.isLetter }) {
                qualifier = q
                rest = after.drop { $0 == " " }
                break
            }
        }
        var unit: String? = nil
        for symbol in ["us$", "$", "€", "£"] where rest.hasPrefix(symbol) {
            unit = ValueWords.units[symbol]
            rest = rest.dropFirst(symbol.count).drop { $0 == " " }
            break
        }
        guard var (amount, step) = number(&rest, language: language) else { return vaguePlural(String(rest), qualifier: qualifier, unit: unit, language: language) }
        var upper: DecimalNumber? = nil
        let save = rest
        var probe = rest.drop { $0 == " " }
        if let joiner = ValueWords.rangeJoiners.first(where: { probe.hasPrefix($0 + " ") || ($0 == "-" && probe.hasPrefix("-")) }) {
            probe = probe.dropFirst(joiner.count).drop { $0 == " " }
            if let symbol = ["$", "€", "£"].first(where: { probe.hasPrefix($0) }) { probe = probe.dropFirst(symbol.count) }
            if let (high, _) = number(&probe, language: language) {
                upper = high.value
                if high.scale != 0 && amount.scale == 0 {  // "between 1 and 2 million": the scale applies to both
                    amount = (amount.value.shifted(by: high.scale), high.scale)
                    step = step.shifted(by: high.scale)
                }
                rest = probe
                qualifier = .between
            }
        }
        if upper == nil { rest = save }
        if qualifier == .between && upper == nil { return nil }
        rest = rest.drop { $0 == " " }
        for (phrase, q) in ValueWords.qualifierSuffixes where rest.hasPrefix(phrase) {
            let after = rest.dropFirst(phrase.count)
            if after.isEmpty || after.first == " " || phrase == "+" {
                if qualifier == .exactly { qualifier = q }
                rest = after.drop { $0 == " " }
                break
            }
        }
        if rest.hasPrefix("-plus") && qualifier == .exactly { qualifier = .more_than; rest = rest.dropFirst(5).drop { $0 == " " } }
        let words = rest.trimmingSpace(newlines: false)
        if !words.isEmpty {
            let stripped = words.hasPrefix("of ") ? String(words.dropFirst(3)) : words
            if let code = ValueWords.units[stripped] ?? ValueWords.units[words] {
                if unit != nil && unit != code { return nil }
                unit = code
            } else if unit == nil {
                unit = stripped.hasPrefix("de ") ? String(stripped.dropFirst(3)) : stripped.hasPrefix("d'") ? String(stripped.dropFirst(2)) : stripped
            } else {
                return nil
            }
        }
        if let u = upper, !(amount.value < u) { return nil }
        return Quantity(amount: amount.value, qualifier: qualifier, upper: upper, unit: unit, step: step)
    }

    /// "thousands", "des milliers", "millions of": at least two of that scale.
    private static func vaguePlural(_ text: String, qualifier: QuantityQualifier, unit: String?, language: String) -> Quantity? {
        var words = text.split(separator: " ").map(String.init)
        if words.first == "des" || words.first == "several" || words.first == "plusieurs" { words.removeFirst() }
        guard let first = words.first, first.hasSuffix("s"), qualifier == .exactly,
              let power = ValueWords.scale(first, language: language) ?? (first == "dozens" || first == "dizaines" ? 1 : nil)
        else { return nil }
        var tail = words.dropFirst().joined(separator: " ")
        for p in ["of ", "de ", "d'"] where tail.hasPrefix(p) { tail = String(tail.dropFirst(p.count)) }
        let base = first == "dozens" ? DecimalNumber("24")! : DecimalNumber("2")!.shifted(by: power)
        return Quantity(amount: base, qualifier: .at_least, upper: nil,
                        unit: unit ?? (tail.isEmpty ? nil : ValueWords.units[tail] ?? tail), step: .powerOfTen(power))
    }

    /// A number at the start of `rest` (digits or a number word) with an optional scale word; advances `rest`.
    /// Returns the value with the scale applied (and the scale's power), and the step of its last digit.
    static func number(_ rest: inout Substring, language: String) -> ((value: DecimalNumber, scale: Int), DecimalNumber)? {
        var value: DecimalNumber
        var step: DecimalNumber
        if let (v, s, after) = digits(rest, language: language) {
            value = v
            step = s
            rest = after
        } else if let (word, n) = ValueWords.numbers.filter({ rest.hasPrefix($0.key) && (rest.count == $0.key.count || rest.dropFirst($0.key.count).first == " ") }).max(by: { $0.key.count < $1.key.count }) {
            value = DecimalNumber(String(n))!
            step = .powerOfTen(0)
            rest = rest.dropFirst(word.count)
            if word == "a" || word == "an" || word == "un" || word == "une" {  // only as "a million", never alone
                guard scaleWord(rest, language: language) != nil else { return nil }
            }
        } else if let (power, after) = scaleWord(rest, language: language), power <= 3,
                  !rest.prefix(while: \.isLetter).hasSuffix("s") {  // "mille personnes", "hundred"; not "thousands"
            rest = after
            return ((DecimalNumber.powerOfTen(power), power), .powerOfTen(power))
        } else {
            return nil
        }
        if let (power, after) = scaleWord(rest, language: language) {
            rest = after
            return ((value.shifted(by: power), power), step.shifted(by: power))
        }
        return ((value, 0), step)
    }

    private static func scaleWord(_ rest: Substring, language: String) -> (Int, Substring)? {
        let trimmed = rest.drop { $0 == " " }
        let word = trimmed.prefix { $0.isLetter }
        guard !word.isEmpty, let power = ValueWords.scale(String(word), language: language) else { return nil }
        let after = trimmed.dropFirst(word.count)
        guard after.isEmpty || after.first == " " || after.first == "." || after.first == "," else { return nil }
        return (power, after.first == "." ? after.dropFirst() : after)
    }

    /// Digits with grouping and a decimal mark, per the rules in the type's documentation.
    static func digits(_ text: Substring, language: String) -> (DecimalNumber, DecimalNumber, Substring)? {
        var groups: [String] = []
        var marks: [Character] = []
        var i = text.startIndex
        var current = ""
        while i < text.endIndex {
            let c = text[i]
            if c.isASCIIDigit {
                current.append(c)
                i = text.index(after: i)
                continue
            }
            guard !current.isEmpty, c == "," || c == "." || c == " " else { break }
            let next = text.index(after: i)
            guard next < text.endIndex, text[next].isASCIIDigit else { break }
            if c == " " {  // a space groups only before exactly three digits
                let run = text[next...].prefix { $0.isASCIIDigit }
                guard run.count == 3 else { break }
            }
            groups.append(current)
            marks.append(c)
            current = ""
            i = next
        }
        guard !current.isEmpty else { return nil }
        groups.append(current)
        let decimalMark: Character = language.hasPrefix("fr") ? "," : "."
        var decimalAt: Int? = nil  // index into marks
        let kinds = Set(marks.filter { $0 != " " })
        if kinds.count == 2 {
            decimalAt = marks.lastIndex { $0 != " " }
        } else if let only = kinds.first {
            let indexes = marks.indices.filter { marks[$0] == only }
            if indexes.count == 1 {
                let after = groups[indexes[0] + 1]
                if after.count != 3 || (only == decimalMark && after != "000") { decimalAt = indexes[0] }
            }
        }
        var integer = ""
        var fraction = ""
        for (n, g) in groups.enumerated() {
            if let d = decimalAt, n > d {
                fraction += g
            } else {
                if n > 0 && n <= (decimalAt ?? marks.count) {
                    guard g.count == 3 else { return nil }  // every group after the first has three digits
                }
                if n == 1, groups[0].count > 3, decimalAt != 0 { return nil }
                integer += g
            }
        }
        if let d = decimalAt, marks.filter({ $0 != " " }).count > 1, marks[d] == marks.first(where: { $0 != " " }) { return nil }
        let value = DecimalNumber(fraction.isEmpty ? integer : integer + "." + fraction)!
        return (value, .powerOfTen(-fraction.count), text[i...])
    }
}

extension DecimalNumber: Comparable {
    /// Numeric order.
    public static func < (a: DecimalNumber, b: DecimalNumber) -> Bool {
        if a.digits.isEmpty || b.digits.isEmpty { return a.digits.isEmpty && !b.digits.isEmpty }
        let magA = a.digits.count + a.exponent, magB = b.digits.count + b.exponent
        if magA != magB { return magA < magB }
        let width = max(a.digits.count, b.digits.count)
        let pa = a.digits + String(repeating: "0", count: width - a.digits.count)
        let pb = b.digits + String(repeating: "0", count: width - b.digits.count)
        return pa < pb
    }
}
