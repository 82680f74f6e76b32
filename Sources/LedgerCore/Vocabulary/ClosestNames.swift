/// Finds the declared names closest to a name that was not found, for "did you mean …" errors.
public enum ClosestNames {
    /// Up to `limit` of `candidates` close to `name`, closest first: a candidate whose dotted last part is
    /// `name` (`attendance` for `call.attendance`), one containing it or contained in it, then by edit distance
    /// (ignoring case) of at most a third of the name's length, and at least 2.
    public static func find(_ name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let wanted = Array(name.lowercased().unicodeScalars)
        let allowed = max(2, wanted.count / 3)
        var ranked: [(rank: Int, name: String)] = []
        for candidate in candidates where candidate != name {
            let lower = candidate.lowercased()
            let rank: Int
            if lower.split(separator: ".").last.map(String.init) == name.lowercased() {
                rank = 0
            } else if !wanted.isEmpty, lower.contains(name.lowercased()) || name.lowercased().contains(lower) {
                rank = 1
            } else {
                let d = distance(wanted, Array(lower.unicodeScalars), atMost: allowed)
                guard d <= allowed else { continue }
                rank = 1 + d
            }
            ranked.append((rank, candidate))
        }
        return ranked.sorted { ($0.rank, $0.name) < ($1.rank, $1.name) }.prefix(limit).map(\.name)
    }

    /// The names among `candidates` that `name` looks like a misspelling of: at an edit distance (ignoring case)
    /// of 1, or up to one edit per 8 characters, but not equal to it. Closest first, at most `limit`.
    public static func misspellings(of name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let wanted = Array(name.lowercased().unicodeScalars)
        let allowed = max(1, wanted.count / 8)
        var ranked: [(distance: Int, name: String)] = []
        for candidate in candidates {
            let d = distance(wanted, Array(candidate.lowercased().unicodeScalars), atMost: allowed)
            if d >= 1, d <= allowed { ranked.append((d, candidate)) }
        }
        return ranked.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(limit).map(\.name)
    }

    /// The Levenshtein distance between `a` and `b`, or `bound + 1` once it is known to exceed `bound`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int) -> Int {
        guard abs(a.count - b.count) <= bound else { return bound + 1 }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            guard current.min()! <= bound else { return bound + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
