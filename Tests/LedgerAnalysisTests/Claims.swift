@testable import LedgerCore
@testable import LedgerAnalysis

/// Builds claim records for rule tests, through the same value parser the CLI uses.
enum Claims {
    static let attendance = ClaimPredicate(id: "attendance", type: .quantity, tolerance: DecimalNumber("0.05"), unit: "people")
    static let reason = ClaimPredicate(id: "reason", type: .category, values: [.init(id: "spam"), .init(id: "ban_evasion")])
    static let mistake = ClaimPredicate(id: "mistake", type: .boolean)
    static let when = ClaimPredicate(id: "when", type: .date)
    static let duration = ClaimPredicate(id: "duration", type: .duration, tolerance: DecimalNumber("0.1"))
    static let predicates = Dictionary(uniqueKeysWithValues: [attendance, reason, mistake, when, duration].map { ($0.id, $0) })

    static func make(_ seq: Int64, _ predicate: ClaimPredicate, _ value: String, subject: String = "group:wd4h", outlet: String = "Outlet A",
                     speaker: String = "someone", lang: String = "en", polarity: ClaimInput.Polarity = .affirmed,
                     modality: ClaimInput.Modality = .asserted, event: String? = nil, asOf: String? = nil, relay: String? = nil,
                     origin: ClaimOrigin? = nil, source: String = String(repeating: "a", count: 64), details: Bool = true) -> ClaimRecord {
        let v = try! ValueParser.parse(value, predicate: predicate, language: lang)
        var body: [String: JSONValue] = [
            "source": .string(source),
            "excerpt": ["exact": .string(value), "prefix": "", "suffix": "", "start": 0, "end": 1, "sha256": .string(String(repeating: "b", count: 64))],
            "speaker": .string(speaker), "outlet": .string(outlet), "lang": .string(lang), "text": .string("claim \(seq)"),
            "subject": .string(subject), "predicate": .string(predicate.id), "value": v.json,
            "polarity": .string(polarity.rawValue), "modality": .string(modality.rawValue),
        ]
        var q: [String: JSONValue] = [:]
        if let event { q["event"] = .string(event) }
        if let asOf, let d = DateParser.parse(asOf, language: lang) { q["as_of"] = ["value": .string(d.value), "precision": .string(d.precision.rawValue)] }
        if !q.isEmpty { body["qualifiers"] = .object(q) }
        if let relay { body["relay"] = .string(relay) }
        if let origin { body["origin"] = origin.json }
        var pool = StringPool()
        return ClaimRecord(seq: seq, leafHash: details ? String(repeating: "c", count: 64) : "", body: JSONValue.object(body),
                           pool: &pool, details: details)!
    }

    /// The outcome of comparing two claims as the engine does (polarity, type rule, modality).
    static func outcome(_ a: ClaimRecord, _ b: ClaimRecord) -> RuleOutcome {
        ModalityRule.adjust(Contradictions.compare(a, b, RuleContext(predicate: predicates[a.predicate])), a, b)
    }
}

extension RuleOutcome {
    var verdict: Verdict? {
        if case .conflict(let v, _, _, _, _) = self { return v }
        return nil
    }
    var rule: String? {
        if case .conflict(_, let r, _, _, _) = self { return r }
        return nil
    }
    var isNotComparable: Bool {
        if case .notComparable = self { return true }
        return false
    }
}
