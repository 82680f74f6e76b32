import Foundation

/// The non-evidential *match key* of DESIGN §3: a loose form of text used only to find a quote the user
/// typed on an ordinary keyboard. It is never stored; the stored excerpt is always the exact snapshot text.
///
/// Per scalar: NFKC (so U+00A0, U+202F, ligatures and the ellipsis fold), lowercase, curly quotes and
/// primes to `'` or `"`, guillemets to `"`, every dash and minus to `-`, every white space to one space,
/// and `InvisibleCharacters` (zero-width, bidi controls) to nothing.
/// Runs of spaces collapse to one; spaces beside a `"` and before `:` `;` `!` `?` are dropped, because
/// French typography spaces them (« … », « dit : ») and a user typing "…" on a keyboard does not.
public struct MatchKey: Sendable {
    /// The key's scalars.
    public let scalars: [Unicode.Scalar]
    /// For each key scalar, the index of the original scalar it came from.
    public let origins: [Int]

    /// The match key of `scalars`.
    public init(_ source: [Unicode.Scalar]) {
        var key: [Unicode.Scalar] = []
        var origins: [Int] = []
        key.reserveCapacity(source.count)
        origins.reserveCapacity(source.count)
        for (i, scalar) in source.enumerated() {
            let folded = MatchKey.fold(scalar)
            if folded == [" "] {
                if key.last == " " || key.last == "\"" { continue }
                key.append(" ")
                origins.append(i)
                continue
            }
            if key.last == " ", let first = folded.first, MatchKey.unspacedBefore.contains(first) {
                key.removeLast()
                origins.removeLast()
            }
            for f in folded {
                key.append(f)
                origins.append(i)
            }
        }
        self.scalars = key
        self.origins = origins
    }

    /// The key of a typed quote: as `init`, with leading and trailing spaces removed.
    public static func ofQuote(_ text: String) -> [Unicode.Scalar] {
        var k = MatchKey(Array(text.unicodeScalars)).scalars
        while k.first == " " { k.removeFirst() }
        while k.last == " " { k.removeLast() }
        return k
    }

    private static let unspacedBefore: Set<Unicode.Scalar> = ["\"", ":", ";", "!", "?"]

    static func fold(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
        if s.properties.isWhitespace { return [" "] }
        if !s.isASCII && InvisibleCharacters.contains(s) { return [] }
        switch s.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035, 0x0060, 0x00B4, 0x02BC, 0x2039, 0x203A: return ["'"]
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2036, 0x00AB, 0x00BB: return ["\""]
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return ["-"]
        default: break
        }
        if s.isASCII {
            let v = s.value
            return [(0x41...0x5A).contains(v) ? Unicode.Scalar(v + 0x20)! : s]
        }
        let compat = String(s).precomposedStringWithCompatibilityMapping.lowercased()
        let out = Array(compat.unicodeScalars)
        return out.count == 1 && out[0].properties.isWhitespace ? [" "] : out.flatMap { $0 == s ? [$0] : fold($0) }
    }
}
