/// A count and its noun in English, singular for one ("1 claim", "2 claims", "100,264 claims"; `plural` for
/// irregular nouns).
public func counted(_ n: Int, _ noun: String, plural: String? = nil) -> String {
    "\(grouped(n)) \(n == 1 ? noun : plural ?? noun + "s")"
}

/// An integer as English text writes it, thousands separated by commas: 100264 → "100,264".
public func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return (n < 0 ? "-" : "") + out
}
