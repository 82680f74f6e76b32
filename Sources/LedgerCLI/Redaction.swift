/// The one place secrets are kept out of what the CLI prints: every error and diagnostic line passes through
/// `privateKeys` (ArgumentParser's own messages included, since they reach `Output.error` too).
enum Redaction {
    /// What a redacted private key reads as.
    static let marker = "(a private key, not shown)"

    /// `text` with every C2SP signer key (a run starting `PRIVATE+KEY+`, up to white space or a quote mark)
    /// replaced by `marker`.
    static func privateKeys(_ text: String) -> String {
        guard text.contains("PRIVATE+KEY+") else { return text }
        let stops: Set<Character> = ["'", "\"", "‘", "’", "“", "”", "`"]
        var out = "", rest = Substring(text)
        while let r = rest.range(of: "PRIVATE+KEY+") {
            out += rest[..<r.lowerBound]
            let end = rest[r.upperBound...].firstIndex { $0.isWhitespace || stops.contains($0) } ?? rest.endIndex
            out += marker
            rest = rest[end...]
        }
        return out + rest
    }
}
