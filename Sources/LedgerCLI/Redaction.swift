/// The one place secrets are kept out of what the CLI prints: every error and diagnostic line passes through
/// `privateKeys` (ArgumentParser's own messages included, since they reach `Output.error` too).
enum Redaction {
    /// What a redacted private key reads as.
    static let marker = "(a private key, not shown)"

    /// `text` with every C2SP signer key (a run starting `PRIVATE+KEY+`, up to white space or a quote mark, less
    /// trailing punctuation) replaced by `marker`.
    static func privateKeys(_ text: String) -> String {
        guard text.contains("PRIVATE+KEY+") else { return text }
        let stops: Set<Character> = ["'", "\"", "‘", "’", "“", "”", "`"]
        var out = "", rest = Substring(text)
        while let r = rest.range(of: "PRIVATE+KEY+") {
            out += rest[..<r.lowerBound]
            var end = rest[r.upperBound...].firstIndex { $0.isWhitespace || stops.contains($0) } ?? rest.endIndex
            // Punctuation that ends the sentence around the key ("no ledger at KEY: …") is not part of it (the key's
            // base64 never ends in one of these).
            while end > r.upperBound, let last = rest[..<end].last, ":;,.)".contains(last) { end = rest.index(before: end) }
            out += marker
            rest = rest[end...]
        }
        return out + rest
    }
}
