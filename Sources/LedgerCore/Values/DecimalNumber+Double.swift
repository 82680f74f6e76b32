extension DecimalNumber {
    /// The shortest decimal that reads back as `x` — Swift's round-trip form written out without an exponent:
    /// 189999.5 → "189999.5", 0.05 → "0.05", 1e21 → "1000000000000000000000". For figures analysis computes
    /// (interval bounds, gaps) when they are given in JSON, where decimals are strings. Nil unless `x` is finite
    /// and not negative.
    public init?(_ x: Double) {
        guard x.isFinite, x >= 0 else { return nil }
        let text = "\(abs(x))"  // "190000.0", "0.05", "1e+21", "5e-324" (abs: -0.0 is 0)
        let parts = text.split(separator: "e")
        guard let power = parts.count == 2 ? Int(parts[1]) : 0 else { return nil }
        let pieces = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let fraction = pieces.count == 2 ? pieces[1] : ""
        self.init(rawDigits: String(pieces[0] + fraction), exponent: power - fraction.count)
    }
}
