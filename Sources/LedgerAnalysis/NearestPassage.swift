import LedgerCore

/// The passage of a source closest to a quote that is not in it, to show a user who mistyped an excerpt.
///
/// Both sides are compared by their match key (case, quote style, dashes and spacing already do not count), with
/// the bit-parallel matcher (`ApproximateMatch`): the end where the fewest edits turn the quote into a passage,
/// the earliest start of such an alignment (Sellers' table over that window only, as `Reanchor` does), and the
/// passage mapped back to the exact text. Nothing is found when even the best passage needs more edits than
/// half the quote's length.
///
/// Bounded in time and memory: the matcher costs the text's length times ⌈quote length / 64⌉ word operations, so
/// the search is refused (`tooLarge`) for a text over `maxText` scalars, a quote over `maxQuote`, or beyond
/// `maxWork` operations (a 4 Mi-scalar source takes quotes of up to 256 scalars; a 512 Ki-scalar one, any quote).
public enum NearestPassage {
    /// The longest text searched, in scalars (4 Mi).
    public static let maxText = 1 << 22
    /// The longest quote looked for, in scalars of its match key.
    public static let maxQuote = 2_048
    /// The most word operations the matcher may take (16 Mi).
    public static let maxWork = 1 << 24

    /// What the search found.
    public enum Outcome: Sendable, Equatable {
        /// The closest passage, as scalar offsets in the text, and the edits between it and the quote.
        case found(start: Int, end: Int, edits: Int)
        /// No passage within half the quote's length of edits.
        case none
        /// Not searched: the quote or the text is beyond the bounds.
        case tooLarge
    }

    /// The passage of `text` closest to `quote`.
    public static func find(_ quote: String, in text: [Unicode.Scalar]) -> Outcome {
        let q = MatchKey.ofQuote(quote).map(\.value)
        guard !q.isEmpty, !text.isEmpty else { return .none }
        guard q.count <= maxQuote, text.count <= maxText, text.count * ((q.count + 63) / 64) <= maxWork else { return .tooLarge }
        let key = MatchKey(text)
        let t = key.scalars.map(\.value)
        let ends = ApproximateMatch.endErrors(q, in: t)
        guard let best = ends.indices.min(by: { ends[$0] < ends[$1] }), ends[best] <= q.count / 2 else { return .none }
        let errors = ends[best]
        let windowStart = max(0, best + 1 - q.count - errors)
        let start = Reanchor.earliestStart(q, in: t[windowStart...best])
        return .found(start: key.origins[start], end: key.origins[best] + 1, edits: errors)
    }
}
