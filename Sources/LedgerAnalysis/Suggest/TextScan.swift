/// Words and quotations of one sentence of an anchoring text, with their scalar offsets.
struct TextScan {
    /// One run of non-space scalars: `start..<end` with any leading and trailing punctuation and quotes left
    /// out, and that core lowercased with straight apostrophes (`key`).
    struct Word {
        let start: Int
        let end: Int
        /// The run's full extent, punctuation included.
        let outer: Range<Int>
        let key: String
        /// The run ends with a comma, semicolon, colon or closing quote: a clause boundary after it.
        let endsClause: Bool
        /// The run ends with a closing quote (then a following reporting verb has its speaker after it).
        let closesQuote: Bool
        /// The run starts with an opening quote.
        let opensQuote: Bool
        let capitalized: Bool
    }

    static let openingQuotes: Set<Unicode.Scalar> = ["“", "«", "\"", "‘", "„"]
    static let closingQuotes: Set<Unicode.Scalar> = ["”", "»", "\"", "’"]

    let text: [Unicode.Scalar]
    let range: Range<Int>
    let words: [Word]

    init(_ text: [Unicode.Scalar], _ range: Range<Int>) {
        self.text = text
        self.range = range
        var words: [Word] = []
        var i = range.lowerBound
        while i < range.upperBound {
            while i < range.upperBound, text[i].properties.isWhitespace { i += 1 }
            guard i < range.upperBound else { break }
            let a = i
            while i < range.upperBound, !text[i].properties.isWhitespace { i += 1 }
            var s = a, e = i
            while s < e, !Self.isWordScalar(text[s]) { s += 1 }
            while e > s, !Self.isWordScalar(text[e - 1]) { e -= 1 }
            let tail = text[e..<i]
            let endsClause = tail.contains { ",;:()–—".unicodeScalars.contains($0) || Self.closingQuotes.contains($0) }
            let opens = text[a..<s].contains { Self.openingQuotes.contains($0) }
            let closes = tail.contains { Self.closingQuotes.contains($0) }
            guard s < e else {
                // A lone mark ("–", "«"): keep it as a clause boundary on the previous word.
                if let last = words.popLast() {
                    let closing = text[a..<i].contains { Self.closingQuotes.contains($0) }
                    words.append(Word(start: last.start, end: last.end, outer: last.outer, key: last.key, endsClause: true,
                                      closesQuote: last.closesQuote || closing, opensQuote: last.opensQuote, capitalized: last.capitalized))
                }
                continue
            }
            let key = String(String.UnicodeScalarView(text[s..<e].map { $0 == "’" ? "'" : $0 })).lowercased()
            words.append(Word(start: s, end: e, outer: a..<i, key: key, endsClause: endsClause, closesQuote: closes, opensQuote: opens,
                              capitalized: text[s].properties.isUppercase || text[s] == "@"))
        }
        self.words = words
    }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil || "$€£%@#'’-&".unicodeScalars.contains(c)
    }

    /// The text of `r`.
    func string(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(text[r])) }

    /// The text from word `a` to word `b` inclusive.
    func span(_ a: Int, _ b: Int) -> Range<Int> { words[a].start..<words[b].end }

    /// The quotations in the sentence: the text between an opening mark and its closing mark, space trimmed.
    /// A straight `"` opens when it follows space and closes otherwise.
    func quotations() -> [Range<Int>] {
        var out: [Range<Int>] = []
        var open: (Int, Unicode.Scalar)? = nil
        let pairs: [Unicode.Scalar: Unicode.Scalar] = ["“": "”", "«": "»", "\"": "\"", "„": "“"]
        var i = range.lowerBound
        while i < range.upperBound {
            let c = text[i]
            if let (at, mark) = open {
                if c == pairs[mark]!, !(c == "\"" && i + 1 < range.upperBound && text[i + 1].properties.isAlphabetic) {
                    var a = at + 1, b = i
                    while a < b, text[a].properties.isWhitespace { a += 1 }
                    while b > a, text[b - 1].properties.isWhitespace { b -= 1 }
                    if a < b { out.append(a..<b) }
                    open = nil
                }
            } else if pairs[c] != nil, c != "\"" || i == range.lowerBound || text[i - 1].properties.isWhitespace {
                open = (i, c)
            }
            i += 1
        }
        // A quotation running on from the previous sentence, or on into the next one.
        if let (at, _) = open, let r = trimmed(at + 1..<range.upperBound) { out.append(r) }
        if out.isEmpty, let last = text[range].last, Self.closingQuotes.contains(last) || last == "»", !Self.openingQuotes.contains(text[range.lowerBound]),
           let r = trimmed(range.lowerBound..<range.upperBound - 1) {
            out.append(r)
        }
        return out
    }

    private func trimmed(_ r: Range<Int>) -> Range<Int>? {
        var a = r.lowerBound, b = r.upperBound
        while a < b, text[a].properties.isWhitespace { a += 1 }
        while b > a, text[b - 1].properties.isWhitespace { b -= 1 }
        return a < b ? a..<b : nil
    }

    /// The index of the first word starting at or after offset `o`.
    func word(at o: Int) -> Int? { words.firstIndex { $0.start >= o } }
}
