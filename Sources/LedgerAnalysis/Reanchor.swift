import LedgerCore

/// Re-anchors a stored excerpt in another capture of the same article, the way the Hypothesis annotation client
/// anchors a quote: approximate search for the quote with an edit budget of min(256, length/2), then each
/// candidate scored on the quote (weight 50), the 32-scalar prefix and suffix context (20 each) and the position
/// (2), normalized to 0…1.
///
/// Verdicts: `exact` — the quote's exact text, maybe at a new position; `fuzzy` — found with edits and a score of
/// at least `minimumScore`; `orphan` — nothing acceptable. The threshold (0.75) sits between what the tests
/// measure: a quote with a reworded phrase or changed quote style scores above 0.8, while the best approximate
/// match of a deleted passage scores below 0.6 (about half its characters wrong, its context unrelated).
public enum Reanchor {
    public static let minimumScore = 0.75

    public enum Status: String, Sendable { case exact, fuzzy, orphan }

    public struct Result: Sendable, Equatable {
        public let status: Status
        public let score: Double
        public let edits: Int
        public let start: Int
        public let end: Int
    }

    /// Where `quote` (with its context and original position) now sits in `text`.
    public static func locate(quote: String, prefix: String, suffix: String, hint: Int, in text: [Unicode.Scalar]) -> Result {
        let q = quote.unicodeScalars.map(\.value), t = text.map(\.value)
        guard !q.isEmpty, !t.isEmpty else { return Result(status: .orphan, score: 0, edits: q.count, start: 0, end: 0) }
        let budget = min(256, q.count / 2)
        var best: (score: Double, edits: Int, start: Int, end: Int)? = nil
        for m in matches(q, in: t, maxErrors: budget) {
            let quoteScore = 1 - Double(m.errors) / Double(q.count)
            let prefixScore = similarity(Array(prefix.unicodeScalars.map(\.value)), Array(t[max(0, m.start - prefix.unicodeScalars.count)..<m.start]))
            let suffixScore = similarity(Array(suffix.unicodeScalars.map(\.value)), Array(t[m.end..<min(t.count, m.end + suffix.unicodeScalars.count)]))
            let positionScore = 1 - Double(abs(m.start - hint)) / Double(t.count)
            let score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92
            if best == nil || score > best!.score { best = (score, m.errors, m.start, m.end) }
        }
        guard let b = best else { return Result(status: .orphan, score: 0, edits: q.count, start: 0, end: 0) }
        let status: Status = b.edits == 0 ? .exact : b.score >= minimumScore ? .fuzzy : .orphan
        return Result(status: status, score: (b.score * 1000).rounded() / 1000, edits: b.edits, start: b.start, end: b.end)
    }

    /// 1 − (edits to find `context` in `text`) / length; 1 when there is no context to compare.
    static func similarity(_ context: [UInt32], _ text: [UInt32]) -> Double {
        if context.isEmpty { return 1 }
        guard !text.isEmpty else { return 0 }
        let errors = matches(context, in: text, maxErrors: context.count).map(\.errors).min() ?? context.count
        return max(0, 1 - Double(errors) / Double(context.count))
    }

    /// Approximate occurrences of `pattern` in `text`: for each end position that is a local minimum of the edit
    /// distance and within `maxErrors`, the match's start, end and edits. The end positions come from the
    /// bit-parallel matcher (`ApproximateMatch`); each candidate's start from Sellers' table over only the window
    /// that a match within `maxErrors` can span (at most m + maxErrors scalars), so the cost stays O(n·m/64) plus
    /// O(m·(m + maxErrors)) per candidate instead of O(n·m).
    static func matches(_ pattern: [UInt32], in text: [UInt32], maxErrors: Int) -> [(start: Int, end: Int, errors: Int)] {
        let ends = ApproximateMatch.endErrors(pattern, in: text)
        var out: [(start: Int, end: Int, errors: Int)] = []
        for (k, errors) in ends.enumerated() where errors <= maxErrors {
            let left = k > 0 ? ends[k - 1] : Int.max, right = k + 1 < ends.count ? ends[k + 1] : Int.max
            guard errors <= left && errors < right else { continue }
            let windowStart = max(0, k + 1 - pattern.count - maxErrors)
            out.append((earliestStart(pattern, in: text[windowStart...k]), k + 1, errors))
        }
        return out
    }

    /// Sellers' table over `window`: the earliest start among the cheapest alignments of `pattern` ending at the
    /// window's end.
    static func earliestStart(_ pattern: [UInt32], in window: ArraySlice<UInt32>) -> Int {
        let m = pattern.count
        var cost = Array(0...m), start = [Int](repeating: window.startIndex, count: m + 1)
        for j in window.indices {
            var diagonal = cost[0], diagonalStart = start[0]
            cost[0] = 0
            start[0] = j + 1
            for i in 1...m {
                let (up, upStart) = (cost[i], start[i])
                // Among alignments of equal cost, keep the earliest start: it accounts for the most of the text.
                var best = diagonal + (pattern[i - 1] == window[j] ? 0 : 1), bestStart = diagonalStart
                if up + 1 < best || (up + 1 == best && upStart < bestStart) { best = up + 1; bestStart = upStart }
                if cost[i - 1] + 1 < best || (cost[i - 1] + 1 == best && start[i - 1] < bestStart) { best = cost[i - 1] + 1; bestStart = start[i - 1] }
                diagonal = up
                diagonalStart = upStart
                cost[i] = best
                start[i] = bestStart
            }
        }
        return start[m]
    }
}
