import LedgerCore

/// A wide group that `GroupSweep` cannot take as one class — values of several kinds or units, denied claims, as-of
/// dates that do not all overlap — split into classes it can, so that the work stays near-linear and the report
/// says what every pair came to without listing the pairs.
///
/// Every pair of positions whose as-of spans overlap falls in one class by the kinds (quantities by unit) and
/// polarities of its two values:
/// - affirmed values of one kind against each other: the value rule, counted by the sweep (`GroupSummary`; a strict
///   bound against its own figure apart, `GroupSweep.boundPairs`); booleans, whatever their polarity, by their
///   effective truth value;
/// - affirmed against denied values of one kind: the polarity rule — the very value denied is a contradiction, a
///   figure or duration overlapping it a tension (`GroupSummary.denial`), counted from the value counts and from
///   the sweep's disjoint pairs (overlapping = all pairs less disjoint ones);
/// - affirmed values of two kinds, or free texts, or unreadable dates: not compared (one line per class);
/// - the rest agree (two denied values, a denied value against another kind), as the rules say.
/// Each class is counted, and one of its pairs that really disagrees is compared by the ordinary rules: a finding
/// carrying the class's summary, or the class's "not compared" line.
///
/// As-of dates: pairs whose spans do not overlap are never compared, so none is counted. Spans are calendar spans
/// (a year, month, day, minute, second), so two overlap only when one holds the other; claims without one hold
/// at any time. The positions are split by span; each span's own pairs are counted, then its pairs with all the
/// spans it holds at once (the counts of the union less those of each part: every such pair overlaps), widest
/// span first. The work is the group's size times the depth of nesting (at most six: no date, year, month, day,
/// minute, second), bounded by `budget` times the group's size all the same: spans whose pairs would exceed it are
/// not compared, and a line says how many pairs of positions that leaves.
enum WideGroup {
    /// What a wide group lists.
    struct Plan {
        /// One pair of positions (indexes) per class of disagreeing pairs, with its summary.
        var listed: [(summary: GroupSummary, pair: (Int, Int))] = []
        /// One line per class of pairs not compared (and how many pairs of positions it stands for), with a pair
        /// of positions standing for it when there is one.
        var uncompared: [(reason: String, pairs: Int, pair: (Int, Int)?)] = []
    }

    /// Positions of the group tallied for pairs across as-of spans, times the group's size.
    static let budget = 32
    /// Kinds of value named in "not compared" lines; the rest are counted together as "other kinds".
    static let namedKinds = 12

    /// A class of pairs.
    enum Class: Hashable {
        /// Affirmed values of one kind (booleans: every position).
        case values(String)
        /// Affirmed against denied values of one kind.
        case denial(String)
        /// Affirmed values of two kinds (labels; the same label twice for two kinds counted as "other kinds").
        case across(String, String)
    }

    /// Pairs of a class: disagreeing, and of those tensions by the rule (within tolerance, or overlapping denied);
    /// for figures, pairs of a bound and its own figure besides (`GroupSweep.boundPairs`).
    struct Count {
        var pairs = 0, tensions = 0, bound = 0
        var isEmpty: Bool { pairs == 0 && tensions == 0 && bound == 0 }
        static func + (a: Count, b: Count) -> Count { Count(pairs: a.pairs + b.pairs, tensions: a.tensions + b.tensions, bound: a.bound + b.bound) }
        static func - (a: Count, b: Count) -> Count { Count(pairs: a.pairs - b.pairs, tensions: a.tensions - b.tensions, bound: a.bound - b.bound) }
    }

    static func plan(_ positions: [[ClaimRecord]], context: RuleContext, budget: Int = budget) -> Plan {
        Analysis(positions, context: context).plan(budget: budget)
    }

    /// The group read once: each position's kind, polarity, interval and as-of span.
    struct Analysis {
        let positions: [[ClaimRecord]]
        let context: RuleContext
        let kinds: [String]
        let intervals: [Interval?]
        let label: [String: String]

        init(_ positions: [[ClaimRecord]], context: RuleContext) {
            self.positions = positions
            self.context = context
            let tolerance = context.tolerance
            var kinds: [String] = [], intervals: [Interval?] = []
            for p in positions {
                switch p[0].value.value {
                case .quantity(let q):
                    kinds.append(q.unit.map { "quantity in \($0)" } ?? "quantity without a unit")
                    intervals.append(QuantityRule.interval(q, tolerance: tolerance))
                case .duration(let d):
                    kinds.append("duration")
                    intervals.append(DurationRule.interval(d, tolerance: tolerance))
                case .date(let d):
                    let span = DateRule.interval(d)
                    kinds.append(span == nil ? "unreadable date" : "date")
                    intervals.append(span)
                case .category: kinds.append("category"); intervals.append(nil)
                case .boolean: kinds.append("boolean"); intervals.append(nil)
                case .text: kinds.append("text"); intervals.append(nil)
                }
            }
            self.kinds = kinds
            self.intervals = intervals
            // the kinds most positions hold are named in "not compared" lines, the rest counted together
            var affirmed: [String: Int] = [:]
            for (i, k) in kinds.enumerated() where positions[i][0].polarity == .affirmed { affirmed[k, default: 0] += 1 }
            let ranked = affirmed.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            label = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1.key, $0 < namedKinds ? $1.key : "other kinds") })
        }

        func affirmed(_ i: Int) -> Bool { positions[i][0].polarity == .affirmed }

        /// A set of positions by kind, each split into affirmed and denied (kinds in order of first position).
        struct Parts {
            var order: [String] = []
            var byKind: [String: (affirmed: [Int], denied: [Int])] = [:]
        }

        func parts(_ members: [Int]) -> Parts {
            var p = Parts()
            for i in members {
                let k = kinds[i]
                if p.byKind[k] == nil { p.order.append(k); p.byKind[k] = ([], []) }
                if affirmed(i) { p.byKind[k]!.affirmed.append(i) } else { p.byKind[k]!.denied.append(i) }
            }
            return p
        }

        /// Every class's count over every pair of the set, as-of dates aside.
        func tally(_ members: [Int]) -> [Class: Count] {
            let p = parts(members)
            var out: [Class: Count] = [:]
            func add(_ c: Class, _ n: Count) { if !n.isEmpty { out[c, default: Count()] = out[c, default: Count()] + n } }
            var perLabel: [String: [Int]] = [:]  // affirmed positions per kind, by label
            for k in p.order {
                let (yes, no) = p.byKind[k]!
                if k == "boolean" {
                    let all = yes + no, holdTrue = all.filter(effectivelyTrue).count
                    add(.values(k), Count(pairs: holdTrue * (all.count - holdTrue)))
                    if !yes.isEmpty { perLabel[label[k]!, default: []].append(yes.count) }
                    continue
                }
                add(.values(k), valuePairs(k, yes))
                if !yes.isEmpty && !no.isEmpty { add(.denial(k), denialPairs(k, yes, no)) }
                if !yes.isEmpty { perLabel[label[k]!, default: []].append(yes.count) }
            }
            let labels = perLabel.keys.sorted()
            for (x, a) in labels.enumerated() {
                let na = perLabel[a]!.reduce(0, +)
                for b in labels[(x + 1)...] { add(.across(a, b), Count(pairs: na * perLabel[b]!.reduce(0, +))) }
                // two kinds counted together: pairs of different kinds among them
                add(.across(a, a), Count(pairs: (na * na - perLabel[a]!.reduce(0) { $0 + $1 * $1 }) / 2))
            }
            return out
        }

        func effectivelyTrue(_ i: Int) -> Bool {
            guard case .boolean(let b) = positions[i][0].value.value else { return false }
            return BooleanRule.effective(b, positions[i][0].polarity)
        }

        /// Pairs of different values among affirmed positions of one kind: disagreeing by the value rule (free
        /// texts and unreadable dates: not compared), and tensions.
        func valuePairs(_ kind: String, _ members: [Int]) -> Count {
            guard members.count > 1 else { return Count() }
            let tolerance = context.tolerance
            switch kind {
            case "date":
                let spans = members.map { intervals[$0]! }
                let zoned = members.filter { i in if case .date(let d) = positions[i][0].value.value { !DateRule.zoneUnknown(d) } else { false } }
                    .map { intervals[$0]! }
                let aDay: (Double) -> Double = { $0 + 86_400 }
                return Count(pairs: GroupSweep.count(spans, reach: { $0 }).disjoint,
                             tensions: GroupSweep.count(spans, reach: aDay).within - GroupSweep.count(zoned, reach: aDay).within)
            case "category" where !context.isSingleValued:
                return Count()
            case "unreadable date":  // not compared, even to the same value
                return Count(pairs: members.count * (members.count - 1) / 2)
            case "category", "text":
                return Count(pairs: members.count * (members.count - 1) / 2 - sameValuePairs(members, members))
            default:  // quantities of one unit, durations
                let spans = members.map { intervals[$0]! }
                let c = GroupSweep.count(spans) { $0 + tolerance * max(abs($0), 1) }
                let quantities = members.compactMap { i -> Quantity? in if case .quantity(let q) = positions[i][0].value.value { q } else { nil } }
                return Count(pairs: c.disjoint, tensions: c.within, bound: quantities.count == spans.count ? GroupSweep.boundPairs(quantities, spans) : 0)
            }
        }

        /// Pairs of affirmed and denied positions of one kind that conflict: the same value (contradictions), or,
        /// for figures and durations, other values overlapping (tensions: `deniedAgainstAffirmed`).
        func denialPairs(_ kind: String, _ yes: [Int], _ no: [Int]) -> Count {
            let same = sameValuePairs(yes, no)
            guard kind == "duration" || kind.hasPrefix("quantity") else { return Count(pairs: same) }
            let disjoint = { (m: [Int]) in GroupSweep.count(m.map { intervals[$0]! }, reach: { $0 }).disjoint }
            let overlapping = yes.count * no.count - (disjoint(yes + no) - disjoint(yes) - disjoint(no))
            return Count(pairs: overlapping, tensions: overlapping - same)
        }

        /// Pairs (one from each list; each unordered pair once when both lists are the same) holding equal values.
        func sameValuePairs(_ a: [Int], _ b: [Int]) -> Int {
            var counts: [Value: Int] = [:]
            for i in a { counts[positions[i][0].value.value, default: 0] += 1 }
            if a == b { return counts.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 } }
            return b.reduce(0) { $0 + (counts[positions[$1][0].value.value] ?? 0) }
        }

        // MARK: The pair listed for a class

        /// A pair of positions, one from each set (every such pair compared), that disagrees in the class, or nil.
        /// The same set twice: any pair of it. For one class of values, the widest pair, as `GroupSweep` picks it.
        func candidate(_ c: Class, _ x: Parts, _ y: Parts) -> (Int, Int)? {
            switch c {
            case .values("boolean"):
                let xs = x.byKind["boolean"].map { $0.affirmed + $0.denied } ?? [], ys = y.byKind["boolean"].map { $0.affirmed + $0.denied } ?? []
                return best(xs, ys, key: { AnyHashable(effectivelyTrue($0)) })
            case .values(let k) where k == "category" || k == "text" || k == "unreadable date":
                return best(x.byKind[k]?.affirmed ?? [], y.byKind[k]?.affirmed ?? [],
                            key: { k == "unreadable date" ? AnyHashable($0) : AnyHashable(positions[$0][0].value.value) })
            case .values(let k):
                let xs = x.byKind[k]?.affirmed ?? [], ys = y.byKind[k]?.affirmed ?? []
                return widest(xs, ys) ?? widest(ys, xs) ?? ownBound(xs, ys) ?? ownBound(ys, xs)
            case .denial(let k):
                let (xy, xn) = x.byKind[k] ?? ([], []), (yy, yn) = y.byKind[k] ?? ([], [])
                return denied(xy, yn) ?? denied(yy, xn)
            case .across(let a, let b):
                return across(x, a, y, b) ?? across(y, a, x, b)
            }
        }

        func conflicts(_ i: Int, _ j: Int) -> Bool {
            if case .conflict = Contradictions.compare(positions[i][0], positions[j][0], context) { return true }
            return false
        }

        /// The lowest upper end of `low` against the highest lower end of `high`, when they disagree.
        func widest(_ low: [Int], _ high: [Int]) -> (Int, Int)? {
            guard let l = low.min(by: { intervals[$0]!.upper < intervals[$1]!.upper }),
                  let top = high.map({ intervals[$0]!.lower }).max(),
                  let h = high.last(where: { intervals[$0]!.lower == top }), l != h, conflicts(l, h) else { return nil }
            return (min(l, h), max(l, h))
        }

        /// A strict bound in `bounds` and its very figure in `figures`.
        func ownBound(_ bounds: [Int], _ figures: [Int]) -> (Int, Int)? {
            var byAmount: [DecimalNumber: Int] = [:]
            for i in bounds {
                if case .quantity(let q) = positions[i][0].value.value, q.qualifier == .more_than || q.qualifier == .less_than, byAmount[q.amount] == nil {
                    byAmount[q.amount] = i
                }
            }
            for j in figures {
                if case .quantity(let q) = positions[j][0].value.value, q.qualifier == .exactly, let i = byAmount[q.amount], conflicts(i, j) {
                    return (min(i, j), max(i, j))
                }
            }
            return nil
        }

        /// The two positions holding different values (by `key`) held by most claims, one from each list.
        func best(_ xs: [Int], _ ys: [Int], key: (Int) -> AnyHashable) -> (Int, Int)? {
            func top(_ m: [Int]) -> [(key: AnyHashable, claims: Int, first: Int)] {
                var claims: [AnyHashable: Int] = [:], first: [AnyHashable: Int] = [:]
                for i in m {
                    claims[key(i), default: 0] += positions[i].count
                    if first[key(i)] == nil { first[key(i)] = i }
                }
                return claims.map { (key: $0.key, claims: $0.value, first: first[$0.key]!) }
                    .sorted { ($1.claims, $0.first) < ($0.claims, $1.first) }.prefix(2).map { $0 }
            }
            let tx = top(xs), ty = xs == ys ? tx : top(ys)
            var found: (Int, Int)? = nil, most = -1
            for a in tx { for b in ty where a.key != b.key && a.claims + b.claims > most && conflictsOrUncompared(a.first, b.first) {
                found = (min(a.first, b.first), max(a.first, b.first))
                most = a.claims + b.claims
            } }
            return found
        }

        func conflictsOrUncompared(_ i: Int, _ j: Int) -> Bool {
            if case .agree = Contradictions.compare(positions[i][0], positions[j][0], context) { return false }
            return true
        }

        /// An affirmed position and a denied one that conflict: the same value if any, else (figures and
        /// durations) the affirmed interval reaching highest among those starting below the denied one's upper end.
        func denied(_ yes: [Int], _ no: [Int]) -> (Int, Int)? {
            guard !yes.isEmpty, !no.isEmpty else { return nil }
            var byValue: [Value: Int] = [:]
            for i in yes where byValue[positions[i][0].value.value] == nil { byValue[positions[i][0].value.value] = i }
            for d in no { if let a = byValue[positions[d][0].value.value] { return (min(a, d), max(a, d)) } }
            guard intervals[yes[0]] != nil else { return nil }
            let sorted = yes.sorted { intervals[$0]!.lower < intervals[$1]!.lower }
            var reach: [Int] = []  // reach[k]: of the first k + 1 by lower end, the one with the highest upper end
            for i in sorted { reach.append(reach.last.map { intervals[$0]!.upper >= intervals[i]!.upper ? $0 : i } ?? i) }
            for d in no {
                let upper = intervals[d]!.upper
                var lo = 0, hi = sorted.count
                while lo < hi { let mid = (lo + hi) / 2; if intervals[sorted[mid]]!.lower <= upper { lo = mid + 1 } else { hi = mid } }
                if lo > 0, conflicts(reach[lo - 1], d) { return (min(reach[lo - 1], d), max(reach[lo - 1], d)) }
            }
            return nil
        }

        /// An affirmed position of a kind labelled `a` in `x` and one of another kind labelled `b` in `y`.
        func across(_ x: Parts, _ a: String, _ y: Parts, _ b: String) -> (Int, Int)? {
            // the first affirmed position of the first two kinds of each label: two kinds always differ
            func firstTwo(_ p: Parts, _ l: String) -> [(kind: String, index: Int)] {
                var out: [(kind: String, index: Int)] = []
                for k in p.order where label[k] == l {
                    if let i = p.byKind[k]?.affirmed.first { out.append((k, i)) }
                    if out.count == 2 { break }
                }
                return out
            }
            for (k, i) in firstTwo(x, a) { for (l, j) in firstTwo(y, b) where l != k { return (min(i, j), max(i, j)) } }
            return nil
        }

        // MARK: As-of spans

        func plan(budget: Int) -> Plan {
            // positions by as-of span; claims without one (or with an unreadable one) hold at any time
            var bySpan: [Interval?: Int] = [:], spans: [(span: Interval, members: [Int])] = []
            for (i, p) in positions.enumerated() {
                let span = p[0].asOf.flatMap(DateRule.interval)
                if let s = bySpan[span] { spans[s].members.append(i) } else {
                    bySpan[span] = spans.count
                    spans.append((span ?? Interval(-.infinity, .infinity), [i]))
                }
            }
            // widest first: a span holds those after it that start before it ends
            spans.sort { ($0.span.lower, -$0.span.upper) < ($1.span.lower, -$1.span.upper) }
            var totals: [Class: Count] = [:], candidates: [Class: [(Int, Int)]] = [:]
            func add(_ t: [Class: Count], _ x: Parts, _ y: Parts) {
                for (c, n) in t where !n.isEmpty {
                    totals[c, default: Count()] = totals[c, default: Count()] + n
                    if n.pairs > 0 || n.bound > 0, let pair = candidate(c, x, y) { candidates[c, default: []].append(pair) }
                }
            }
            var work = 0, skippedSpans = 0, skippedPairs = 0
            var own: [[Class: Count]] = []
            for s in spans {
                let p = parts(s.members)
                let t = tally(s.members)
                own.append(t)
                add(t, p, p)
            }
            for (i, a) in spans.enumerated() {
                var held: [Int] = []
                var k = i + 1
                while k < spans.count && spans[k].span.lower <= a.span.upper {
                    if a.span.overlaps(spans[k].span) { held.append(k) }
                    k += 1
                }
                guard !held.isEmpty else { continue }
                let inside = held.flatMap { spans[$0].members }
                if work + a.members.count + inside.count > budget * positions.count {
                    skippedSpans += held.count
                    skippedPairs += a.members.count * inside.count
                    continue
                }
                work += a.members.count + inside.count
                let union = tally(a.members + inside), parted = tally(inside)
                var cross = union
                for (c, n) in own[i] { cross[c, default: Count()] = cross[c, default: Count()] - n }
                for (c, n) in parted { cross[c, default: Count()] = cross[c, default: Count()] - n }
                add(cross, parts(a.members), parts(inside))
            }
            return assemble(totals, candidates, skipped: (skippedSpans, skippedPairs), spans: spans.count)
        }

        /// One finding or line per class counted.
        func assemble(_ totals: [Class: Count], _ candidates: [Class: [(Int, Int)]], skipped: (spans: Int, pairs: Int), spans: Int) -> Plan {
            var plan = Plan()
            func score(_ pair: (Int, Int)) -> Double {
                let outcome = ModalityRule.adjust(Contradictions.compare(positions[pair.0][0], positions[pair.1][0], context),
                                                  positions[pair.0][0], positions[pair.1][0])
                guard case .conflict(let verdict, _, _, _, let width) = outcome else { return -1 }
                return (verdict == .contradiction ? 1000 : 0) + width
            }
            let classes = totals.keys.filter { totals[$0]!.pairs > 0 || totals[$0]!.bound > 0 }.sorted { "\($0)" < "\($1)" }
            let members = parts(Array(positions.indices))
            for c in classes {
                let n = totals[c]!
                let pairs = candidates[c] ?? []
                // the widest candidate (by the rules' own width, as findings are ordered), first on ties
                let pair = pairs.indices.max { (score(pairs[$0]), -$0) < (score(pairs[$1]), -$1) }.map { pairs[$0] }
                func line(_ why: String) {
                    plan.uncompared.append((why + " (\(n.pairs) pairs of positions in a group of \(positions.count), counted, not listed)", n.pairs, pair))
                }
                switch c {
                case .values(let k) where k == "text" || k == "unreadable date":
                    line(k == "text" ? "free-text values are not compared" : "unreadable dates are not compared")
                case .across(let a, let b):
                    line(a == b ? "values of different kinds among \(a) are not compared" : "values of different kinds (\(a), \(b)) are not compared")
                case .values(let k), .denial(let k):
                    let (yes, no) = members.byKind[k]!
                    var held = yes
                    if case .denial = c { held += no } else if k == "boolean" { held += no }
                    let claims = held.reduce(0) { $0 + positions[$1].count }
                    let base = k.hasPrefix("quantity") ? "quantity" : k == "unreadable date" ? "date" : k
                    let unit = k.hasPrefix("quantity in ") ? String(k.dropFirst(12)) : nil
                    var valueCounts: [String: Int]? = nil
                    if k == "category" {
                        var v: [String: Int] = [:]
                        for i in held { if case .category(let s) = positions[i][0].value.value { v[s, default: 0] += positions[i].count } }
                        valueCounts = v
                    }
                    let summary: GroupSummary
                    if case .denial = c {
                        summary = GroupSummary(kind: base, unit: unit, positions: held.count, claims: claims, disjointPairs: 0, withinTolerance: 0,
                                               denial: .init(deniedPositions: no.count, sameValuePairs: n.pairs - n.tensions, overlappingPairs: n.tensions),
                                               asOfSpans: spans > 1 ? spans : nil)
                    } else {
                        summary = GroupSummary(kind: base, unit: unit, positions: held.count, claims: claims, disjointPairs: n.pairs,
                                               withinTolerance: n.tensions, valueCounts: valueCounts, boundPairs: n.bound > 0 ? n.bound : nil,
                                               asOfSpans: spans > 1 ? spans : nil)
                    }
                    if let pair { plan.listed.append((summary, pair)) } else {
                        plan.uncompared.append((summary.sentence + " (No pair of them could be listed.)", n.pairs, nil))
                    }
                }
            }
            if skipped.spans > 0 {
                plan.uncompared.append(("as-of dates nested too deep to compare in bounded time: \(skipped.pairs) pairs of positions in "
                                        + "\(skipped.spans) pairs of overlapping as-of dates were not compared", skipped.pairs, nil))
            }
            return plan
        }
    }
}
