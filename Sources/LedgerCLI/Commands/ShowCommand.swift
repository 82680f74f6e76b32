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
        discussion: "With --json: {\"seq\", \"leaf_hash\", \"entry\": the entry object, \"context\": {…} for claims}."
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
        let claimBody = e.kind == .claimCorrection ? e.body["claim"] ?? .null : e.body
        let original = [.claimCorrection, .claimRetraction].contains(e.kind) ? Int64(e.body["target"]?.integer ?? -1) : seq
        let history = [.claim, .claimCorrection, .claimRetraction].contains(e.kind) ? try ledger.revisions(of: original) : []
        var context: (before: String, exact: String, after: String, anchored: Bool)? = nil
        if e.kind == .claim || e.kind == .claimCorrection, let id = claimBody["source"]?.string, let d = Digest(hex: id),
           let bytes = try ledger.store.blob(d), let text = Normalization.anchoringText(bytes),
           let start = claimBody["excerpt"]?["start"]?.integer, let end = claimBody["excerpt"]?["end"]?.integer {
            let scalars = Array(text.unicodeScalars)
            if 0 <= start, start < end, end <= scalars.count {
                func str(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
                context = (str(max(0, start - 160)..<start), str(start..<end), str(end..<min(scalars.count, end + 160)),
                           Excerpt.mismatch(claimBody["excerpt"]!, in: AnchoredText(text)) == nil)
            }
        }
        if global.json {
            var o: [String: JSONValue] = ["seq": .number(Double(seq)), "leaf_hash": .string(e.leafHash.hex), "entry": e.envelope]
            if let c = context {
                o["context"] = ["before": .string(c.before), "exact": .string(c.exact), "after": .string(c.after), "anchored": .bool(c.anchored)]
            }
            if !history.isEmpty {
                o["history"] = .array([["seq": .number(Double(original)), "kind": "claim"]] + history.map {
                    ["seq": .number(Double($0.seq)), "kind": .string($0.kind.rawValue), "reason": .string($0.body["reason"]?.string ?? "")]
                })
            }
            Output.json(.object(o))
            return
        }
        Output.line("seq \(seq)  \(e.kind.rawValue)")
        Output.line("leaf hash  \(e.leafHash.hex)")
        Output.line("prev       \(e.prev)")
        Output.line("time       \(e.time)")
        Output.line("author     \(e.author)")
        Output.line("bytes      \(e.bytes.count)")
        Output.line()
        for (k, v) in (claimBody.object ?? [:]).sorted(by: { $0.key < $1.key }) where k != "excerpt" {
            Output.line("\(EntrySummary.pad(k, 12)) \(v.string ?? String(decoding: (try? CanonicalJSON.encode(v)) ?? [], as: UTF8.self))")
        }
        if e.kind == .claimCorrection || e.kind == .claimRetraction {
            Output.line("\(EntrySummary.pad(e.kind == .claimCorrection ? "corrects" : "retracts", 12)) claim \(original): \(e.body["reason"]?.string ?? "")")
        }
        if let x = claimBody["excerpt"] {
            Output.line("\(EntrySummary.pad("excerpt", 12)) scalars \(x["start"]?.integer ?? -1)..<\(x["end"]?.integer ?? -1), sha256 \(x["sha256"]?.string ?? "?")")
        }
        if !history.isEmpty {
            Output.line()
            Output.line("History: claim \(original)" + history.map { " → \($0.kind == .claimRetraction ? "retracted" : "corrected") at seq \($0.seq) (\($0.body["reason"]?.string ?? ""))" }.joined())
        }
        if let c = context {
            Output.line()
            Output.line(c.anchored ? "In the source:" : "In the source (WARNING: the stored excerpt no longer matches; run `claimledger verify`):")
            Output.line("  …\(c.before)[[\(c.exact)]]\(c.after)…")
        }
    }
}
