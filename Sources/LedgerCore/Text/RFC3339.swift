/// RFC 3339 timestamps as entries store them: `YYYY-MM-DDTHH:MM:SS` with `Z` or `±HH:MM` (no fractions),
/// or a plain `YYYY-MM-DD`. Checked byte by byte, since `verify` checks one per entry.
public enum RFC3339 {
    /// True when `text` is such a timestamp with in-range fields.
    public static func isValid(_ text: String) -> Bool {
        let b = Array(text.utf8)
        func n(_ i: Int, _ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var v = 0
            for k in i..<i + count {
                guard (0x30...0x39).contains(b[k]) else { return nil }
                v = v * 10 + Int(b[k] - 0x30)
            }
            return v
        }
        guard b.count >= 10, let y = n(0, 4), b[4] == 0x2D, let m = n(5, 2), b[7] == 0x2D, let d = n(8, 2),
              (1...12).contains(m), d >= 1, d <= DateParser.daysIn(y, m) else { return false }
        if b.count == 10 { return true }
        guard b.count >= 20, b[10] == 0x54, let h = n(11, 2), b[13] == 0x3A, let mi = n(14, 2), b[16] == 0x3A,
              let s = n(17, 2), h < 24, mi < 60, s < 61 else { return false }
        if b.count == 20 { return b[19] == 0x5A }
        guard b.count == 25, b[19] == 0x2B || b[19] == 0x2D, let oh = n(20, 2), b[22] == 0x3A, let om = n(23, 2) else { return false }
        return oh < 24 && om < 60
    }
}
