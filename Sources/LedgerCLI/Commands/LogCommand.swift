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
        With --json, prints one JSON object per line (JSON Lines): seq, kind, leaf_hash, time, author, body.
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
        let size = try ledger.store.size()
        let kinds = Set(kind.compactMap(EntryKind.init(rawValue:)))
        let after = since.flatMap(Self.time)
        var shown: Int64 = 0
        var seq = max(0, from)
        while seq < size, shown < limit ?? .max {
            guard let e = try ledger.store.entry(seq) else { throw StoreError("entry \(seq) is missing; run `claimledger verify`", integrity: true) }
            seq += 1
            if !kinds.isEmpty && !kinds.contains(e.kind) { continue }
            if let after, (Self.time(e.time) ?? .distantPast) < after { continue }
            shown += 1
            if global.json {
                Output.json(["seq": .number(Double(e.seq)), "kind": .string(e.kind.rawValue), "leaf_hash": .string(e.leafHash.hex),
                             "time": .string(e.time), "author": .string(e.author), "body": e.body])
            } else {
                Output.line(EntrySummary.line(e))
            }
        }
    }
}
