import LedgerCore

/// Suggests the claims a fact-checker would record in a source: reported speech with its speaker and any relay,
/// quotations, statements carrying a value, and the outlet's own statements of an action — by rules over the
/// sentences of the anchoring text, in English and French. Pure: it reads the text and the declared predicates
/// and records nothing. How well the rules do on the corpus is measured in EVALUATION.md.
public enum ClaimSuggester {
    /// The suggestions for `text` (a source's anchoring text, language `language`), in the order of the text,
    /// one per distinct excerpt; `predicates` are those declared, for the predicate guess.
    public static func suggest(text: String, language: String, predicates: [ClaimPredicate] = []) -> [Suggestion] {
        let s = Array(text.unicodeScalars)
        let locator = ExcerptLocator(text: text)
        var found: [Suggestion] = []
        var seen = Set<String>()
        var previousSpeaker: String? = nil
        for sentence in SentenceSplitter.sentences(s) {
            let scan = TextScan(s, sentence)
            guard !scan.words.isEmpty else { continue }
            let sentenceText = scan.string(sentence)
            let allQuotes = scan.quotations()
            let speech = Speech.find(scan, quotations: allQuotes)
            var speaker = speech?.speaker.map(scan.string)
            if speech?.byPronoun == true { speaker = previousSpeaker }
            let relay = speech?.relay.map(scan.string)
            // Quotations: five words or more (four with a reporting verb), not questions.
            let quotes = allQuotes.filter { q in
                scan.words.filter { q.contains($0.start) }.count >= (speech == nil ? 5 : 4) && s[q.upperBound - 1] != "?"
            }
            let statement = isStatement(scan)
            // "…,” Rocketto said." split from its quotation: the speaker of the quotation before.
            if let speaker, let speech, quotes.isEmpty, scan.words.count <= 5, speech.content == scan.span(0, scan.words.count - 1),
               let last = found.last, last.speaker == nil, last.reasons.contains(.quoted), last.end <= sentence.lowerBound {
                found[found.count - 1] = Suggestion(start: last.start, end: last.end, excerpt: last.excerpt, occurrence: last.occurrence,
                                                    speaker: speaker, relay: last.relay, value: last.value, predicate: last.predicate,
                                                    reasons: [.reported] + last.reasons, score: score([.reported] + last.reasons, speaker: speaker, predicate: last.predicate))
                previousSpeaker = speaker
                continue
            }
            let values = statement ? ValueSpotter.values(scan, language: language) : []
            var candidates: [(range: Range<Int>, speaker: String?, relay: String?, reasons: [Suggestion.Reason])] = []
            if let speech, statement, scan.words.filter({ speech.content.contains($0.start) }).count >= 4,
               !quotes.contains(where: { 2 * $0.count >= speech.content.count }) {
                candidates.append((speech.content, speaker, relay, [.reported]))
            }
            for q in quotes {
                // A quotation standing alone continues the previous sentence's speaker.
                candidates.append((q, speaker ?? (quotes.count == 1 && 10 * q.count >= 7 * sentence.count ? previousSpeaker : nil), relay,
                                   speech == nil ? [.quoted] : [.reported, .quoted]))
            }
            let stated = candidates
            for (n, v) in values.enumerated() where !stated.contains(where: { $0.range.contains(v.range.lowerBound) }) {
                // Each value its own window, clipped to stop short of its neighbours.
                let bounds = (n > 0 ? values[n - 1].range.upperBound : sentence.lowerBound)..<(n + 1 < values.count ? values[n + 1].range.lowerBound : sentence.upperBound)
                candidates.append((window(scan, around: v.range, within: bounds), speaker, relay, [.value]))
            }
            if statement, !candidates.contains(where: { 2 * $0.range.count >= sentence.count }),
               scan.words.contains(where: { SpeechWords.eventWords.contains($0.key) }) {
                candidates.append((scan.span(0, scan.words.count - 1), nil, nil, [.event]))
            }
            for c in candidates {
                let excerpt = scan.string(c.range)
                guard c.range.count >= 8, seen.insert(excerpt).inserted else { continue }
                let value = values.first { c.range.contains($0.range.lowerBound) && c.range.upperBound >= $0.range.upperBound }?.value
                var reasons = c.reasons
                if value != nil, !reasons.contains(.value) { reasons.append(.value) }
                let predicate = PredicateGuess.guess(value: value, sentence: sentenceText, language: language, among: predicates)
                let places = locator.find(excerpt)
                let occurrence = places.count > 1 ? (places.firstIndex { $0.start == c.range.lowerBound }.map { $0 + 1 }) : nil
                found.append(Suggestion(start: c.range.lowerBound, end: c.range.upperBound, excerpt: excerpt, occurrence: occurrence,
                                        speaker: c.speaker, relay: c.relay, value: value, predicate: predicate, reasons: reasons,
                                        score: score(reasons, speaker: c.speaker, predicate: predicate)))
            }
            previousSpeaker = speaker ?? previousSpeaker
        }
        return found
    }

    /// Up to six words either side of a value, within its clause (up to the next "that", "which", "qui"…) and `bounds`.
    static func window(_ scan: TextScan, around value: Range<Int>, within bounds: Range<Int>) -> Range<Int> {
        let w = scan.words
        guard var a = scan.word(at: value.lowerBound) else { return value }
        var b = w.lastIndex { $0.end <= value.upperBound } ?? a
        let (first, last) = (a, b)
        while a > 0, first - a < 6, !w[a - 1].endsClause, !["but", "mais"].contains(w[a - 1].key), w[a - 1].start >= bounds.lowerBound { a -= 1 }
        while b + 1 < w.count, b - last < 6, !w[b].endsClause, !["but", "mais"].contains(w[b + 1].key), w[b + 1].end <= bounds.upperBound,
              !SpeechWords.clauseOpeners.contains(w[b + 1].key) { b += 1 }
        return scan.span(a, b)
    }

    /// A sentence, not a heading: it ends with terminal punctuation and does not start with "#".
    static func isStatement(_ scan: TextScan) -> Bool {
        guard let first = scan.text[scan.range].first, first != "#" else { return false }
        let tail = scan.text[scan.words.last!.end..<scan.range.upperBound]
        return tail.contains { ".!?…".unicodeScalars.contains($0) }
    }

    static func score(_ reasons: [Suggestion.Reason], speaker: String?, predicate: String?) -> Int {
        var s = 0
        for r in reasons {
            switch r {
            case .reported: s += 40
            case .quoted: s += 30
            case .value: s += 30
            case .event: s += 20
            }
        }
        if speaker != nil { s += 15 }
        if predicate != nil { s += 10 }
        return min(100, s)
    }
}
