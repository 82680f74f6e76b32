import ArgumentParser
import Foundation
import LedgerCore
import LedgerCrypto
import LedgerStore

/// `claimledger show SEQ`.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one entry: its fields, leaf hash and, for a claim, the quote in its source's context.",
        discussion: """
        With --json: the entry in the shape every command gives it (schemas/entry-record.schema.json: "entry", the \
        envelope; "leaf_hash"; "seq"; "signature" when signed), with "context" (the quote in its source) for a claim \
        and "history" for a revised claim beside them (schemas/show.schema.json).
        """
    )

    @Argument(help: ArgumentHelp("The entry's sequence number.", valueName: "SEQ"))
    var seq: Int64

    @Flag(help: "Write the entry's exact stored bytes (what is hashed and signed) and nothing else.")
    var raw = false

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("With --raw: write the bytes to FILE instead of stdout.", valueName: "FILE"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try global.open(readOnly: true)
        guard let e = try ledger.store.entry(seq) else {
            throw CLIError("no entry \(seq): the ledger has \(try ledger.store.size()) entries (0–\(try ledger.store.size() - 1))")
        }
        if raw { return try Output.emit(e.bytes, to: output) }
        let body = EntryBody(e.bytes)
        var claim: ClaimBody? = nil, original = seq, revision: (target: Int64, reason: String)? = nil
        switch body {
        case .claim(let c)?: claim = c
        case .claimCorrection(let c)?: (claim, original, revision) = (c.claim, c.target, (c.target, c.reason))
        case .claimRetraction(let r)?: (original, revision) = (r.target, (r.target, r.reason))
        default: break
        }
        // The history is read from the revision entries' bytes (DESIGN §9: the lookup columns are never trusted);
        // when the columns or the index disagree with them, the history is still shown, and then the command exits 2.
        let found = claim != nil || revision != nil ? try ledger.revisionHistory(of: original) : nil
        let history = found?.revisions ?? []
        let mismatch = found?.disagreementError(original, then: "the history shown is read from the entries themselves")
        var context: (before: String, exact: String, after: String, anchored: Bool)? = nil
        if let claim, let text = try ledger.sourceText(claim.source) {
            let (start, end) = (claim.excerpt.start, claim.excerpt.end)
            let scalars = Array(text.unicodeScalars)
            if 0 <= start, start < end, end <= scalars.count {
                func str(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
                context = (str(max(0, start - 160)..<start), str(start..<end), str(end..<min(scalars.count, end + 160)),
                           claim.excerpt.mismatch(in: AnchoredText(text)) == nil)
            }
        }
        if global.json {
            var o = e.record(signature: try ledger.store.signature(seq)).object ?? [:]
            if let c = context {
                o["context"] = ["before": .string(c.before), "exact": .string(c.exact), "after": .string(c.after), "anchored": .bool(c.anchored)]
            }
            if !history.isEmpty {
                o["history"] = .array([["seq": .number(Double(original)), "kind": "claim"]] + history.map { r, reason in
                    ["seq": .number(Double(r.seq)), "kind": .string(r.kind.rawValue), "reason": .string(reason)]
                })
            }
            Output.json(.object(o))
            if let mismatch { throw mismatch }
            return
        }
        Output.line("seq \(seq)  \(e.kind.rawValue)")
        Output.line("leaf hash  \(e.leafHash.hex)")
        Output.line("prev       \(e.prev)")
        Output.line("time       \(e.time)")
        Output.line("author     \(e.author)")
        Output.line("bytes      \(e.bytes.count)")
        Output.line()
        let fields = claim?.json ?? (body == nil ? .object([:]) : e.body)
        for (k, v) in (fields.object ?? [:]).sorted(by: { $0.key < $1.key }) where v != claim?.excerpt.json {
            Output.line("\(EntrySummary.pad(k, 12)) \(v.string ?? String(decoding: (try? CanonicalJSON.encode(v)) ?? [], as: UTF8.self))")
        }
        if let revision {
            Output.line("\(EntrySummary.pad(e.kind == .claimCorrection ? "corrects" : "retracts", 12)) claim \(revision.target): \(revision.reason)")
        }
        if let x = claim?.excerpt {
            Output.line("\(EntrySummary.pad("excerpt", 12)) scalars \(x.start)..<\(x.end), sha256 \(x.sha256.hex)")
        }
        if body == nil { Output.line("The entry's body is malformed; run `claimledger verify`.") }
        if !history.isEmpty {
            Output.line()
            Output.line("History: claim \(original)" + history.map { r, reason in " → \(r.kind == .claimRetraction ? "retracted" : "corrected") at seq \(r.seq) (\(reason))" }.joined())
        }
        if let c = context {
            Output.line()
            Output.line(c.anchored ? "In the source:" : "In the source (WARNING: the stored excerpt no longer matches; run `claimledger verify`):")
            Output.line("  …\(c.before)[[\(c.exact)]]\(c.after)…")
        }
        if let mismatch { throw mismatch }
    }
}
