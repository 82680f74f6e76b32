/// Splits an anchoring text into sentences (EN and FR), as scalar ranges with surrounding space trimmed.
///
/// A sentence ends at a line break, or at `.`, `!`, `?` or `…` followed by space or the end of the text, after
/// any closing quotes (`”`, `»` after a no-break space, `"`, `’`, `)`). It does not end after an abbreviation
/// ("Sen.", "Gov.", "U.S.", a single capital "B."), nor before a lowercase letter ("parce que... peut-être").
enum SentenceSplitter {
    static func sentences(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var begin = 0
        var i = 0
        func close(_ end: Int) {
            var a = begin, b = end
            while a < b, s[a].properties.isWhitespace { a += 1 }
            while b > a, s[b - 1].properties.isWhitespace { b -= 1 }
            if a < b { out.append(a..<b) }
            begin = end
        }
        while i < s.count {
            let c = s[i]
            if c == "\n" || c == "\r" {
                close(i)
                i += 1
                continue
            }
            if c == "." || c == "!" || c == "?" || c == "…" {
                var j = i + 1
                while j < s.count, s[j] == "." { j += 1 }
                while j < s.count {
                    if TextScan.closingQuotes.contains(s[j]) || s[j] == ")" { j += 1; continue }
                    if s[j] == " " || s[j] == "\u{00A0}" || s[j] == "\u{202F}", j + 1 < s.count, s[j + 1] == "»" { j += 2; continue }
                    break
                }
                let atBreak = j == s.count || s[j].properties.isWhitespace
                if atBreak && c == "." && isAbbreviation(s, before: i) { i = j; continue }
                if atBreak, let next = nextVisible(s, from: j), next.properties.isLowercase { i = j; continue }
                if atBreak { close(j) }
                i = j
                continue
            }
            i += 1
        }
        close(s.count)
        return out
    }

    static let abbreviations: Set<String> = [
        "sen", "gov", "rep", "reps", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "etc", "no", "nov", "oct", "sept",
        "sep", "dec", "jan", "feb", "aug", "calif", "mass", "fla", "gen", "lt", "col",
        "u.s", "u.k", "j.d", "m", "mme", "mlle",
    ]

    private static func isAbbreviation(_ s: [Unicode.Scalar], before dot: Int) -> Bool {
        var a = dot
        while a > 0, s[a - 1].properties.isAlphabetic || s[a - 1] == "." { a -= 1 }
        let word = String(String.UnicodeScalarView(s[a..<dot])).lowercased()
        if word.isEmpty { return false }
        // An initial ("Alexander B. Howard") follows a capitalised word; "sur X." ends a sentence.
        if word.unicodeScalars.count == 1, s[a].properties.isUppercase {
            var p = a - 1
            while p >= 0, s[p].properties.isWhitespace { p -= 1 }
            var q = p
            while q > 0, !s[q - 1].properties.isWhitespace { q -= 1 }
            return p >= 0 && s[q].properties.isUppercase
        }
        return abbreviations.contains(word)
    }

    private static func nextVisible(_ s: [Unicode.Scalar], from j: Int) -> Unicode.Scalar? {
        var k = j
        while k < s.count, s[k].properties.isWhitespace { k += 1 }
        return k < s.count ? s[k] : nil
    }
}
