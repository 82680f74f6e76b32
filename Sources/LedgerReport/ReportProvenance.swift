import LedgerCore

/// What a report was computed from, stated at the top of every report in every format: the ledger (origin, size,
/// root), the newest signed checkpoint covering it, when the report was generated, and whether the ledger verified.
public struct ReportProvenance: Sendable {
    /// A signed checkpoint's tree: its size and root (hex).
    public struct Checkpoint: Sendable {
        public let size: Int64
        public let root: String
        public init(size: Int64, root: String) {
            self.size = size
            self.root = root
        }
    }

    /// Whether the ledger was verified before the report was computed, and how that went.
    public enum Verification: Sendable {
        case verified
        case notVerified
        /// Verified up to `verifiedSize` entries, fewer than the report's; the rest were being verified when it was
        /// made (the newsroom server, while writers append).
        case pending(verifiedSize: Int64)
        /// It did not verify: the first problems found, in one line.
        case failed(String)
    }

    public let origin: String
    public let size: Int64
    /// The root of the ledger's first `size` entries (hex).
    public let root: String
    /// The newest signed checkpoint whose tree the ledger holds; nil when none was signed.
    public let checkpoint: Checkpoint?
    /// RFC 3339, UTC.
    public let generatedAt: String
    public let verification: Verification
    /// The filters that restricted the claims analysed (`--outlet`, `--subject`, `--predicate`, `--since`), as
    /// option and value, in order; empty when every claim was analysed.
    public var filter: [(option: String, value: String)] = []

    /// Whether the ledger failed verification.
    public var failed: Bool { if case .failed = verification { true } else { false } }

    public init(origin: String, size: Int64, root: String, checkpoint: Checkpoint?, generatedAt: String, verification: Verification) {
        self.origin = origin
        self.size = size
        self.root = root
        self.checkpoint = checkpoint
        self.generatedAt = generatedAt
        self.verification = verification
    }

    /// The `provenance` member of every JSON report (schemas/common.schema.json#/$defs/provenance).
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "origin": .string(origin), "size": .number(Double(size)), "root": .string(root), "generated_at": .string(generatedAt),
            "checkpoint": checkpoint.map { ["size": .number(Double($0.size)), "root": .string($0.root)] } ?? .null,
        ]
        switch verification {
        case .verified: o["verification"] = "verified"
        case .notVerified: o["verification"] = "not verified"
        case .pending(let verified):
            o["verification"] = "pending"
            o["verified_size"] = .number(Double(verified))
        case .failed(let problem):
            o["verification"] = "failed"
            o["problem"] = .string(problem)
        }
        if !filter.isEmpty {
            // "--outlet" → "outlet": each filter once, as the option was given.
            o["filter"] = .object(Dictionary(filter.map { (String($0.option.drop { $0 == "-" }), JSONValue.string($0.value)) }, uniquingKeysWith: { a, _ in a }))
        }
        return .object(o)
    }

    /// The warning a report of a ledger that did not verify opens with.
    public var warning: String? {
        if case .failed(let problem) = verification { return "THIS LEDGER DID NOT VERIFY: \(problem)" }
        return nil
    }

    var verificationLine: String {
        switch verification {
        case .verified: "verified (every entry, hash, signature and source checked before this report was computed)"
        case .notVerified: "not verified (--no-verify)"
        case .pending(let verified): "being verified: entries 0–\(verified - 1) verified, the newer ones are being checked now (reload for a verified report)"
        case .failed: "FAILED — run `claimledger verify` for every finding"
        }
    }

    /// Label and value pairs, in order; values hold user text (the origin) unescaped.
    var rows: [(String, String)] {
        [("ledger", origin), ("size", counted(Int(size), "entry", plural: "entries")), ("root", root),
         ("checkpoint", checkpoint.map { "\(counted(Int($0.size), "entry", plural: "entries")), root \($0.root)" } ?? "none"),
         ("generated", generatedAt), ("verification", verificationLine)]
            + (filter.isEmpty ? [] : [("filter", "only claims with " + filter.map { "\($0.option) \(Self.described($0))" }.joined(separator: ", "))])
    }

    /// A filter's value as the header shows it: names quoted, the day with what it is compared with.
    static func described(_ f: (option: String, value: String)) -> String {
        switch f.option {
        case "--outlet", "--subject": "“\(f.value)”"
        case "--since": "\(f.value) (source published on or after)"
        default: f.value
        }
    }

    /// The header of a text report (its controls are made visible with the rest of the report).
    public var text: [String] {
        (warning.map { [$0, ""] } ?? []) + rows.map { "\($0.0.padding(toLength: 13, withPad: " ", startingAt: 0))\($0.1)" } + [""]
    }

    /// The header of a Markdown report: a table.
    public var markdown: [String] {
        (warning.map { ["> **\(MarkdownEscape.value($0))**", ""] } ?? [])
            + ["| computed from | |", "|---|---|"] + rows.map { "| \($0.0) | \(MarkdownEscape.value($0.1)) |" } + [""]
    }

    /// The header of an HTML report: a `<dl class="provenance">` (after a `<p class="not-verified">` warning).
    public var html: String {
        (warning.map { "<p class=\"not-verified\">\(HTMLEscape.value($0))</p>\n" } ?? "")
            + "<dl class=\"provenance\">" + rows.map { "<dt>\($0.0)</dt><dd>\(HTMLEscape.value($0.1))</dd>" }.joined() + "</dl>\n"
    }
}
