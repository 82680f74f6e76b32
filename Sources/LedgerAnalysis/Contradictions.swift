import LedgerCore

/// Which pairs of claims a report compares.
public enum Between: String, CaseIterable, Sendable {
    /// Only claims published by different outlets.
    case outlets
    /// Only claims made by different speakers.
    case speakers
    /// Every pair.
    case all
}

/// One disagreement: the rule that fired, the numbers behind it, and the claims on each side.
public struct ContradictionFinding: Sendable {
    public let verdict: Verdict
    public let rule: String
    public let explanation: String
    public let numbers: JSONValue
    /// How wide the disagreement is, for ordering (relative gap for intervals, 1 for categorical conflicts).
    public let width: Double
    /// The canonical subject (entity id when the name is known).
    public let subject: String
    public let predicate: String
    public let event: String?
    public let scope: String?
    public let sideA: [ClaimRecord]
    public let sideB: [ClaimRecord]
    /// Set when the finding stands for a group too large to list pair by pair (`GroupSweep`).
    public internal(set) var summary: GroupSummary? = nil

    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "verdict": .string(verdict.rawValue), "rule": .string(rule), "explanation": .string(explanation), "numbers": numbers,
            "subject": .string(subject), "predicate": .string(predicate),
            "claims": .array(sideA.map { side($0, "a") } + sideB.map { side($0, "b") }),
        ]
        if let event { o["event"] = .string(event) }
        if let scope { o["scope"] = .string(scope) }
        if let summary { o["summary"] = summary.json }
        return .object(o)
    }

    private func side(_ c: ClaimRecord, _ s: String) -> JSONValue {
        var o = c.json.object!
        o["side"] = .string(s)
        return .object(o)
    }
}

/// Two positions that could not be compared, and why (verbose output only).
public struct NotComparable: Sendable {
    public let subject: String
    public let predicate: String
    public let reason: String
    public let claims: [ClaimRecord]
}

/// The result of a contradiction analysis.
public struct ContradictionReport: Sendable {
    public let findings: [ContradictionFinding]
    public let notComparable: [NotComparable]
    public let claimCount: Int
    public let groupCount: Int
}

/// Finds contradictions and tensions (DESIGN §5). Claims are grouped by (canonical subject after aliases,
/// predicate, event, scope) in one pass; claims whose `as_of` dates do not overlap are never compared; claims
/// holding the same position (value, polarity, modality, as_of) are compared once, as one side. A group of more
/// than `GroupSweep.limit` positions is swept and summarized instead of compared pair by pair — split, when it holds
/// several kinds of value, denied claims or as-of dates that do not all overlap, into classes each swept
/// (`WideGroup`) — so the work is O(n log n) (times the nesting of as-of dates) plus the square of at most 64
/// positions per group.
public enum Contradictions {
    public static func find(_ claims: [ClaimRecord], predicates: [String: ClaimPredicate], names: EntityNames,
                            between: Between = .all, includeTension: Bool = false) -> ContradictionReport {
        analyse(claims, predicates: predicates, names: names, between: between, includeTension: includeTension).report
    }

    /// The same report, computed from records read without their excerpt, text and hashes (`ClaimRecord`'s
    /// `details: false`, a fraction of the memory), then computed again from `details(those claims)` — the full
    /// records of only the claims involved in a finding, plus the first claim of each position involved (the one
    /// every comparison reads). The second pass sees the same positions, representatives and counterparts for
    /// every pair that produced a finding, so its findings are the first pass's, with every field filled in. A
    /// summarized group is not planned again from the few claims the second pass sees: the pairs the first pass
    /// listed for it are compared again (found by their positions' first seqs), each with its summary.
    public static func find(_ claims: [ClaimRecord], predicates: [String: ClaimPredicate], names: EntityNames,
                            between: Between = .all, includeTension: Bool = false,
                            details: ([Int64]) throws -> [ClaimRecord]) rethrows -> ContradictionReport {
        let first = analyse(claims, predicates: predicates, names: names, between: between, includeTension: includeTension)
        let full = try details(first.involved.sorted())
        let secondPass = analyse(full, predicates: predicates, names: names, between: between, includeTension: includeTension,
                                 replay: first.summarized)
        let findings = secondPass.report.findings
        // The second pass recomputes its groups from the involved claims only, so the lines for a whole group (or a
        // class of a wide group) left uncompared by the first pass are carried over from it.
        let second = secondPass.report
        let notComparable = second.notComparable.filter { !$0.claims.isEmpty } + first.uncompared
        return ContradictionReport(findings: findings, notComparable: notComparable,
                                   claimCount: first.report.claimCount, groupCount: first.report.groupCount)
    }

    /// One analysis; `replay` gives, for each summarized group, the pairs (first seqs of their positions) to compare
    /// instead of planning the group, and `summarized` returns them.
    static func analyse(_ claims: [ClaimRecord], predicates: [String: ClaimPredicate], names: EntityNames,
                        between: Between, includeTension: Bool, replay: [ClaimGroups.Key: [Listed]]? = nil)
        -> (report: ContradictionReport, involved: Set<Int64>, summarized: [ClaimGroups.Key: [Listed]], uncompared: [NotComparable]) {
        var findings: [ContradictionFinding] = []
        var uncompared: [NotComparable] = []  // lines for whole groups or classes of a wide group (kept apart: the second pass does not see them)
        var notComparable: [NotComparable] = []
        var involved = Set<Int64>()
        var summarized: [ClaimGroups.Key: [Listed]] = [:]
        let groups = ClaimGroups(claims, names: names)
        for group in groups.groups {
            let context = RuleContext(predicate: predicates[group.key.predicate])
            let positions = group.positions
            func consider(_ i: Int, _ j: Int, summary: GroupSummary?) {
                let (a, b) = (positions[i], positions[j])
                guard asOfOverlap(a[0], b[0]) else { return }
                let (sideA, sideB) = filter(a, b, between)
                guard !sideA.isEmpty, !sideB.isEmpty else { return }
                let outcome = ModalityRule.adjust(compare(a[0], b[0], context), a[0], b[0])
                if case .agree = outcome { return }
                if case .conflict(let verdict, _, _, _, _) = outcome, verdict != .contradiction && !includeTension { return }
                involved.insert(a[0].seq)
                involved.insert(b[0].seq)
                for c in sideA + sideB { involved.insert(c.seq) }
                switch outcome {
                case .agree: break
                case .notComparable(let why):
                    notComparable.append(NotComparable(subject: group.key.subject, predicate: group.key.predicate, reason: why, claims: sideA + sideB))
                case .conflict(let verdict, let rule, let explanation, let numbers, let width):
                    findings.append(ContradictionFinding(verdict: verdict, rule: rule, explanation: explanation, numbers: numbers,
                                                         width: width, subject: group.key.subject, predicate: group.key.predicate,
                                                         event: group.key.event, scope: group.key.scope, sideA: sideA, sideB: sideB,
                                                         summary: summary))
                }
            }
            func list(_ pair: (Int, Int), _ summary: GroupSummary) {
                summarized[group.key, default: []].append(Listed(seqs: (positions[pair.0][0].seq, positions[pair.1][0].seq), summary: summary))
                consider(pair.0, pair.1, summary: summary)
            }
            if let listed = replay?[group.key] {
                let index = Dictionary(uniqueKeysWithValues: positions.indices.map { (positions[$0][0].seq, $0) })
                for l in listed {
                    if let i = index[l.seqs.0], let j = index[l.seqs.1] { consider(i, j, summary: l.summary) }
                }
                continue
            }
            switch GroupSweep.plan(positions, context: context) {
            case .nothing: continue
            case .uncompared(let why):
                uncompared.append(NotComparable(subject: group.key.subject, predicate: group.key.predicate, reason: why, claims: []))
            case .summarized(let summary, let widest):
                list(widest, summary)
            case .wide(let plan):
                for (summary, pair) in plan.listed { list(pair, summary) }
                for (why, _, pair) in plan.uncompared {
                    let claims = pair.map { [positions[$0.0][0], positions[$0.1][0]] } ?? []
                    uncompared.append(NotComparable(subject: group.key.subject, predicate: group.key.predicate, reason: why, claims: claims))
                }
            case .pairwise:
                for i in positions.indices {
                    for j in positions.indices where j > i { consider(i, j, summary: nil) }
                }
            }
        }
        let report = ContradictionReport(findings: ordered(findings), notComparable: notComparable + uncompared, claimCount: claims.count,
                                         groupCount: groups.groups.count)
        return (report, involved, summarized, uncompared)
    }

    /// A pair listed for a summarized group: its positions' first seqs, and the summary it stands for.
    struct Listed: Sendable {
        let seqs: (Int64, Int64)
        let summary: GroupSummary
    }

    /// Applies the rule for the values' type, after the polarity rule.
    public static func compare(_ a: ClaimRecord, _ b: ClaimRecord, _ context: RuleContext) -> RuleOutcome {
        if let p = PolarityRule.compare(a, b) { return p }
        switch (a.value.value, b.value.value) {
        case (.boolean(let x), .boolean(let y)):
            return BooleanRule.compare(BooleanRule.effective(x, a.polarity), BooleanRule.effective(y, b.polarity))
        case _ where a.polarity == .denied || b.polarity == .denied:
            return deniedAgainstAffirmed(a, b, context)
        case (.quantity(let x), .quantity(let y)): return QuantityRule.compare(x, y, context: context, written: (a.value.original, b.value.original))
        case (.category(let x), .category(let y)): return CategoryRule.compare(x, y, context: context)
        case (.date(let x), .date(let y)): return DateRule.compare(x, y)
        case (.duration(let x), .duration(let y)): return DurationRule.compare(x, y, context: context, written: (a.value.original, b.value.original))
        case (.text(let x), .text(let y)): return x == y ? .agree : .notComparable("free-text values are not compared")
        default: return .notComparable("values of different types (\(a.value.value.type.rawValue), \(b.value.value.type.rawValue))")
        }
    }

    /// A figure denied by one claim and affirmed, overlapping, by the other ("it was not 200,000" against "about
    /// 200,000"): a tension — the speaker disputes what was reported. Denying a figure the other does not say
    /// (denying 5 million against 3 million) is consistent.
    static func deniedAgainstAffirmed(_ a: ClaimRecord, _ b: ClaimRecord, _ context: RuleContext) -> RuleOutcome {
        guard a.polarity != b.polarity else { return .agree }
        let overlapping: Bool
        switch (a.value.value, b.value.value) {
        case (.quantity(let x), .quantity(let y)):
            overlapping = x.unit == y.unit && QuantityRule.interval(x, tolerance: context.tolerance).overlaps(QuantityRule.interval(y, tolerance: context.tolerance))
        case (.duration(let x), .duration(let y)):
            overlapping = DurationRule.interval(x, tolerance: context.tolerance).overlaps(DurationRule.interval(y, tolerance: context.tolerance))
        default: overlapping = false
        }
        guard overlapping else { return .agree }
        let (yes, no) = a.polarity == .affirmed ? (a, b) : (b, a)
        return .conflict(.tension, rule: "polarity",
                         explanation: "“\(no.value.original)” is denied by \(no.speaker), while the other claim affirms “\(yes.value.original)”, which overlaps it",
                         numbers: ["affirmed_by": .number(Double(yes.seq)), "denied_by": .number(Double(no.seq))], width: 0)
    }

    /// Claims without an `as_of` hold at any time; otherwise their dates' spans must overlap.
    static func asOfOverlap(_ a: ClaimRecord, _ b: ClaimRecord) -> Bool {
        guard let x = a.asOf.flatMap(DateRule.interval), let y = b.asOf.flatMap(DateRule.interval) else { return true }
        return x.overlaps(y)
    }

    /// Keeps, on each side, the claims that have a counterpart from another outlet (or speaker).
    static func filter(_ a: [ClaimRecord], _ b: [ClaimRecord], _ between: Between) -> ([ClaimRecord], [ClaimRecord]) {
        let key: (ClaimRecord) -> String
        switch between {
        case .all: return (a, b)
        case .outlets: key = { $0.outlet }
        case .speakers: key = { $0.speaker }
        }
        let keysA = Set(a.map(key)), keysB = Set(b.map(key))
        return (a.filter { c in keysB.contains { $0 != key(c) } }, b.filter { c in keysA.contains { $0 != key(c) } })
    }

    /// Grouped by subject, subjects with the widest disagreement first; contradictions before tensions.
    /// (Each finding's sort key is computed once: a hundred thousand findings sort in a fraction of a second.)
    static func ordered(_ findings: [ContradictionFinding]) -> [ContradictionFinding] {
        let scores = findings.map { ($0.verdict == .contradiction ? 1000 : 0) + $0.width }
        var best: [String: Double] = [:]
        for (f, score) in zip(findings, scores) { best[f.subject] = max(best[f.subject] ?? 0, score) }
        let subjectRank = Dictionary(uniqueKeysWithValues: Set(findings.map(\.subject)).sorted().enumerated().map { ($1, $0) })
        let keys = findings.indices.map { i in
            (-best[findings[i].subject]!, subjectRank[findings[i].subject]!, -scores[i], findings[i].sideA.first?.seq ?? 0, findings[i].sideB.first?.seq ?? 0)
        }
        return findings.indices.sorted { keys[$0] < keys[$1] }.map { findings[$0] }
    }
}
