/// Who a sentence says made its statement, found by `Speech.find`: the speaker's words, any relay phrase
/// ("according to an email … shared with The Post", "selon un post des organisateurs"), and the part of the
/// sentence that is the statement itself.
struct Speech {
    var speaker: Range<Int>?
    var relay: Range<Int>?
    var content: Range<Int>
    /// The speaker is a pronoun ("he said", "a-t-il précisé"): the previous sentence's speaker, if any.
    var byPronoun = false

    /// The first reporting construction in `scan` outside its `quotations`, or nil.
    static func find(_ scan: TextScan, quotations: [Range<Int>] = []) -> Speech? {
        let outside = Set(scan.words.indices.filter { i in !quotations.contains { $0.contains(scan.words[i].start) } })
        return relayed(scan, outside) ?? reported(scan, outside)
    }

    /// "according to X", "selon X", "d'après X": X up to the end of its clause.
    private static func relayed(_ scan: TextScan, _ outside: Set<Int>) -> Speech? {
        let w = scan.words
        for i in w.indices where outside.contains(i) {
            for cue in SpeechWords.relayCues where i + cue.count < w.count && (0..<cue.count).allSatisfy({ w[i + $0].key == cue[$0] }) {
                let first = i + cue.count
                var last = first
                while last < w.count - 1, !w[last].endsClause, last - first < 14 { last += 1 }
                let relay = scan.span(i, last)
                let inner = Array(first...last)
                var speaker: Range<Int>? = nil
                if let doc = inner.first(where: { SpeechWords.documents.contains(w[$0].key) }) {
                    if let by = inner.first(where: { $0 > doc && SpeechWords.authorship.contains(w[$0].key) }), by < last {
                        var end = by + 1
                        while end < last, !["and", "et", "shared", "sur", "on", "with", "avec"].contains(w[end + 1].key), end - by < 5 { end += 1 }
                        speaker = scan.span(by + 1, end)
                    } else if doc > first {
                        speaker = scan.span(first, doc - 1)
                    }
                } else {
                    speaker = scan.span(first, min(last, first + 5))
                }
                let content: Range<Int>
                if last == w.count - 1, i > 0 { content = scan.span(0, i - 1) }
                else if i == 0, last < w.count - 1 { content = scan.span(last + 1, w.count - 1) }
                else { content = scan.span(0, w.count - 1) }
                return Speech(speaker: speaker, relay: relay, content: content)
            }
        }
        return nil
    }

    /// "X said (that) …", "…,” said X", "X ont dit que …", "», a ainsi posté sur X l'entrepreneur Mike Nellis".
    private static func reported(_ scan: TextScan, _ outside: Set<Int>) -> Speech? {
        let w = scan.words
        guard let v = w.indices.first(where: { outside.contains($0) && SpeechWords.reportingVerbs.contains(w[$0].key) }) else { return nil }
        let all = scan.span(0, w.count - 1)
        // Passive: "was told by X".
        if v > 0, ["was", "were", "been", "été", "is"].contains(w[v - 1].key), v + 2 < w.count, ["by", "par"].contains(w[v + 1].key) {
            var end = v + 2
            while end + 1 < w.count, !w[end].endsClause, w[end + 1].capitalized, end - v < 5 { end += 1 }
            return Speech(speaker: scan.span(v + 2, end), relay: nil, content: all)
        }
        var l = v - 1
        var inverted = false
        while l >= 0, SpeechWords.auxiliaries.contains(w[l].key) || w[l].key.hasSuffix("-il") || w[l].key.hasSuffix("-elle"), !w[l].endsClause {
            inverted = inverted || w[l].key.hasSuffix("-il") || w[l].key.hasSuffix("-elle")
            l -= 1
        }
        if inverted { return Speech(speaker: nil, relay: nil, content: l < 0 ? all : scan.span(0, l), byPronoun: true) }
        if l < 0 || w[l].closesQuote {
            return Speech(speaker: after(scan, v), relay: nil, content: l < 0 ? all : scan.span(0, l))
        }
        var speakerEnd = l
        if w[l].endsClause {
            // An apposition: "Alexander B. Howard, an open government advocate, said …".
            var p = l - 1
            while p >= 0, !w[p].endsClause { p -= 1 }
            guard p >= 0 else { return Speech(speaker: nil, relay: nil, content: all) }
            speakerEnd = p
        }
        var k = speakerEnd
        while k > 0, !w[k - 1].endsClause, !SpeechWords.reportingVerbs.contains(w[k - 1].key), !SpeechWords.speakerStops.contains(w[k - 1].key),
              speakerEnd - k < 8 { k -= 1 }
        while k <= speakerEnd, SpeechWords.clauseOpeners.contains(w[k].key) { k += 1 }
        let speaker = k <= speakerEnd ? scan.span(k, speakerEnd) : nil
        let pronoun = k == speakerEnd && SpeechWords.pronouns.contains(w[k].key)
        var content = all
        if v + 1 < w.count {
            let next = w[v + 1]
            if SpeechWords.complementizers.contains(next.key), v + 2 < w.count {
                content = scan.span(v + 2, w.count - 1)
            } else if next.key.hasPrefix("qu'"), next.end - next.start > 3 {
                content = (next.start + 3)..<w[w.count - 1].end
            }
        }
        return Speech(speaker: pronoun ? nil : speaker, relay: nil, content: content, byPronoun: pronoun)
    }

    /// The speaker named after an inverted verb: the longest run of capitalised words in its clause, else its
    /// first words.
    private static func after(_ scan: TextScan, _ v: Int) -> Range<Int>? {
        let w = scan.words
        guard v + 1 < w.count else { return nil }
        var end = v + 1
        while end + 1 < w.count, !w[end].endsClause, end - v < 9 { end += 1 }
        var best: (Int, Int)? = nil
        var i = v + 1
        while i <= end {
            guard w[i].capitalized else { i += 1; continue }
            var j = i
            while j + 1 <= end, w[j + 1].capitalized || (["de", "du", "b"].contains(w[j + 1].key) && j + 2 <= end && w[j + 2].capitalized) { j += 1 }
            if best == nil || j - i > best!.1 - best!.0 { best = (i, j) }
            i = j + 1
        }
        if let (a, b) = best, b > a || w[a].key != "x" { return scan.span(a, b) }
        var last = v + 1
        while last < min(end, v + 3), !SpeechWords.speakerStops.contains(w[last + 1].key), !SpeechWords.determiners.contains(w[last + 1].key) { last += 1 }
        return scan.span(v + 1, last)
    }
}
