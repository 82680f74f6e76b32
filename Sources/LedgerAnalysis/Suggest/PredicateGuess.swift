import LedgerCore

/// Chooses, among the declared predicates, the one a suggestion is most likely about: one whose type reads the
/// value (and whose unit fits it), preferring the one whose id and label words occur in the sentence; a
/// quantity without a unit only gets a predicate the sentence names.
enum PredicateGuess {
    static func guess(value: ClaimValue?, sentence: String, language: String, among predicates: [ClaimPredicate]) -> String? {
        let words = Set(sentence.lowercased().split { !$0.isLetter }.map { String($0.prefix(5)) })
        func overlap(_ p: ClaimPredicate) -> Int {
            let own = ([p.id] + p.labels.values).flatMap { $0.lowercased().split { !$0.isLetter } }.filter { $0.count >= 4 }
            return Set(own.map { String($0.prefix(5)) }).intersection(words).count
        }
        let candidates: [ClaimPredicate]
        if let value {
            candidates = predicates.filter { p in
                p.type == value.value.type && (try? ValueParser.parse(value.original, predicate: p, language: language)) != nil
            }.filter { p in
                // A bare number ("21") fits any quantity: only a predicate the sentence names is a guess worth making.
                if case .quantity(let q) = value.value, q.unit == nil { return overlap(p) > 0 }
                return true
            }
        } else {
            candidates = predicates.filter { [.text, .category, .boolean].contains($0.type) && overlap($0) > 0 }
        }
        return candidates.sorted { (overlap($0), $1.id) > (overlap($1), $0.id) }.first?.id
    }
}
