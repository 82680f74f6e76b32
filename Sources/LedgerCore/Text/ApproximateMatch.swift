/// Bit-parallel approximate string matching (Myers 1999, multi-word blocks as in Hyyrö's formulation and the
/// approx-string-match library used by Hypothesis): the edit distance of the best match of a pattern ending at
/// each position of a text, in O(⌈m/64⌉·n) word operations instead of the O(m·n) cells of Sellers' table.
public enum ApproximateMatch {
    /// `result[j]` is the fewest edits turning `pattern` into some substring of `text` that ends before index
    /// `j + 1` (the last row of Sellers' table: free start, pattern fully consumed). Empty for an empty text.
    public static func endErrors(_ pattern: [UInt32], in text: [UInt32]) -> [Int] {
        let m = pattern.count
        guard m > 0 else { return [Int](repeating: 0, count: text.count) }
        let blocks = (m + 63) / 64
        var peq: [UInt32: [UInt64]] = [:]
        for (i, c) in pattern.enumerated() {
            peq[c, default: [UInt64](repeating: 0, count: blocks)][i / 64] |= 1 << UInt64(i % 64)
        }
        let none = [UInt64](repeating: 0, count: blocks)
        let lastBit = UInt64(1) << UInt64((m - 1) % 64)
        var pv = [UInt64](repeating: ~0, count: blocks), mv = [UInt64](repeating: 0, count: blocks)
        var score = (0..<blocks).map { min(($0 + 1) * 64, m) }
        var out = [Int]()
        out.reserveCapacity(text.count)
        for c in text {
            let eqs = peq[c] ?? none
            var hIn = 0
            for b in 0..<blocks {
                let highBit = b == blocks - 1 ? lastBit : UInt64(1) << 63
                let negative: UInt64 = hIn < 0 ? 1 : 0
                let eq = eqs[b] | negative
                let p = pv[b], n = mv[b]
                let xv = eq | n
                let xh = (((eq & p) &+ p) ^ p) | eq
                var ph = n | ~(xh | p)
                var mh = p & xh
                let hOut = (ph & highBit != 0 ? 1 : 0) - (mh & highBit != 0 ? 1 : 0)
                ph <<= 1
                mh <<= 1
                mh |= negative
                if hIn > 0 { ph |= 1 }
                pv[b] = mh | ~(xv | ph)
                mv[b] = ph & xv
                score[b] += hOut
                hIn = hOut
            }
            out.append(score[blocks - 1])
        }
        return out
    }
}
