import LedgerAnalysis
import LedgerCore
import LedgerCrypto
import LedgerStore

/// Help for a quote that is not in its source (issue 11 item 5): the nearest passage of that source
/// (`NearestPassage`), and the other recorded sources the quote is in, so the user sees the fix in one line.
///
/// Other sources are searched with `ExcerptLocator`, exactly as `claim add` would anchor the quote there. Their
/// texts are read once per command and kept, up to `cachedScalars` in all; beyond that, a source is read again
/// for each quote.
final class ExcerptHint {
    /// How much source text is kept between quotes (16 Mi scalars).
    static let cachedScalars = 1 << 24
    /// The most passage scalars shown.
    static let shownScalars = 120
    /// The most other sources named.
    static let namedSources = 3

    private let ledger: Ledger
    private var sources: [(id: Digest, seq: Int64, outlet: String)]?
    private var locators: [Digest: ExcerptLocator] = [:]
    private var cached = 0

    init(ledger: Ledger) { self.ledger = ledger }

    /// What to add to the "not in the source" error: "; nearest passage (3 edits): "…"; it is in source …".
    func hint(for missing: Ledger.ClaimError.Missing) throws -> String {
        var out = ""
        if let locator = try locator(missing.source) {
            switch NearestPassage.find(missing.quote, in: locator.text) {
            case .found(let start, let end, let edits):
                out += "; nearest passage (\(edits) edit\(edits == 1 ? "" : "s")): \"\(Self.shown(locator.text[start..<end]))\""
            case .none:
                out += "; no passage of it comes close"
            case .tooLarge:
                out += "; the source or the quote is too large to look for the nearest passage (over \(NearestPassage.maxText) scalars of text or \(NearestPassage.maxQuote) of quote)"
            }
        }
        var found: [String] = []
        for s in try otherSources() where s.id != missing.source {
            guard let locator = try locator(s.id), !locator.find(missing.quote).isEmpty else { continue }
            found.append("source \(s.id.hex.prefix(8)) (\(s.outlet.prefix(60)), seq \(s.seq))")
            if found.count == Self.namedSources { break }
        }
        if !found.isEmpty { out += "; it is in " + found.joined(separator: " and in ") }
        return out
    }

    /// The passage on one line, shortened in the middle when long.
    static func shown(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        func flat<S: Sequence<Unicode.Scalar>>(_ s: S) -> String {
            String(String.UnicodeScalarView(s.map { $0.properties.isWhitespace ? " " : $0 }))
        }
        guard scalars.count > shownScalars else { return flat(scalars) }
        let head = shownScalars * 2 / 3, tail = shownScalars - head
        return flat(scalars.prefix(head)) + " … " + flat(scalars.suffix(tail))
    }

    private func otherSources() throws -> [(id: Digest, seq: Int64, outlet: String)] {
        if let sources { return sources }
        var out: [(id: Digest, seq: Int64, outlet: String)] = []
        for seq in try ledger.store.seqs(kind: .source) {
            guard let bytes = try ledger.store.entryBytes(seq), case .source(let body)? = EntryBody(bytes) else { continue }
            out.append((body.id, seq, body.outlet))
        }
        sources = out
        return out
    }

    private func locator(_ id: Digest) throws -> ExcerptLocator? {
        if let known = locators[id] { return known }
        guard let text = try ledger.sourceText(id) else { return nil }
        let locator = ExcerptLocator(text: text)
        if cached + locator.text.count <= Self.cachedScalars {
            locators[id] = locator
            cached += locator.text.count
        }
        return locator
    }
}
