import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// `claimledger log`.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the ledger's entries, oldest first.",
        discussion: """
        With --json, prints one JSON object per line (JSON Lines), each entry in the one shape every command gives \
        it (schemas/entry-record.schema.json): {"entry":{the envelope: v, seq, prev, time, author, kind, body}, \
        "leaf_hash":"<hex>","seq":N,"signature":"<hex>" when signed} — the same line `export` writes for it.
        Filters combine: `claimledger log --kind claim --kind claim.correction --since 2024-07-30` lists the claims \
        and corrections appended on or after that day (UTC); --limit counts the entries shown.
        Kinds: \(EntryKind.allCases.map(\.rawValue).joined(separator: ", ")).
        """
    )

    @Option(help: ArgumentHelp("Start at this seq.", valueName: "SEQ"))
    var from: Int64 = 0

    @Option(help: ArgumentHelp("Show at most this many entries.", valueName: "N"))
    var limit: Int64?

    @Option(help: ArgumentHelp("Only entries of this kind (repeatable), e.g. claim, source, claim.retraction.", valueName: "KIND"))
    var kind: [String] = []

    @Option(help: ArgumentHelp("Only entries appended at or after this time: YYYY-MM-DD (UTC) or an RFC 3339 time.", valueName: "TIME"))
    var since: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        for k in kind where EntryKind(rawValue: k) == nil {
            throw ValidationError("--kind \(k) is not an entry kind; the kinds are \(EntryKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let since, Self.time(since) == nil { throw ValidationError("--since \(since) is not YYYY-MM-DD or an RFC 3339 time (2024-07-30T09:15:00Z)") }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    /// A time given as YYYY-MM-DD (midnight UTC) or RFC 3339.
    static func time(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withFullDate]
        return text.count == 10 ? f.date(from: text) : nil
    }

    func run() throws {
        let ledger = try global.open(readOnly: true)
        let kinds = Set(kind.compactMap(EntryKind.init(rawValue:)))
        let after = since.flatMap(Self.time)
        var shown: Int64 = 0
        var next = max(0, from)
        guard limit ?? 1 > 0 else { return }
        do {
            try ledger.store.forEachStoredEntry(from: next) { row in
                guard row.seq == next else { throw StoreError("entry \(next) is missing; run `claimledger verify`", integrity: true) }
                next += 1
                let e: Entry
                do { e = try Entry(seq: row.seq, bytes: row.bytes) } catch let error as EntryError { throw StoreError("\(error.message); run `claimledger verify`", integrity: true) }
                if !kinds.isEmpty && !kinds.contains(e.kind) { return }
                if let after, (Self.time(e.time) ?? .distantPast) < after { return }
                shown += 1
                if global.json {
                    Output.json(e.record(signature: row.signature))
                } else {
                    Output.line(EntrySummary.line(e))
                }
                if shown == limit { throw Enough() }
            }
        } catch is Enough {}
    }

    /// Stops the walk over the entries once --limit entries are shown.
    private struct Enough: Error {}
}
