import LedgerCore
import LedgerCrypto

/// Help for a quote that is not in its source (issue 11 item 5): the nearest passage of that source
/// (`NearestPassage`), and the other recorded sources the quote is in, so the user sees the fix in one line.
///
/// Other sources are searched with `ExcerptLocator`, exactly as `claim add` would anchor the quote there. Their
/// texts are read once per command (or request) and kept, up to `cachedScalars` in all; beyond that, a source is
/// read again for each quote. The CLI and the server give it the same two readers of the ledger.
public final class ExcerptHint {
    /// A recorded source, as the hint names it.
    public struct Source: Sendable {
        public let id: Digest
        public let seq: Int64
        public let outlet: String
        public init(id: Digest, seq: Int64, outlet: String) {
            self.id = id
            self.seq = seq
            self.outlet = outlet
        }
    }

    /// How much source text is kept between quotes (16 Mi scalars).
    static let cachedScalars = 1 << 24
    /// The most passage scalars shown.
    static let shownScalars = 120
    /// The most other sources named.
    static let namedSources = 3

    private let readSources: () throws -> [Source]
    private let readText: (Digest) throws -> String?
    private var sources: [Source]?
    private var locators: [Digest: ExcerptLocator] = [:]
    private var cached = 0

    /// A hint that lists the recorded sources with `sources` and reads a source's anchoring text with `text`.
    public init(sources: @escaping () throws -> [Source], text: @escaping (Digest) throws -> String?) {
        readSources = sources
        readText = text
    }

    /// What to add to the "not in the source" error for `quote`, not found in `source`: "; nearest passage (3
    /// edits): "…"; it is in source …".
    public func hint(quote: String, source: Digest) throws -> String {
        var out = ""
        if let locator = try locator(source) {
            switch NearestPassage.find(quote, in: locator.text) {
            case .found(let start, let end, let edits):
                out += "; nearest passage (\(edits) edit\(edits == 1 ? "" : "s")): \"\(Self.shown(locator.text[start..<end]))\""
            case .none:
                out += "; no passage of it comes close"
            case .tooLarge:
                out += "; the source or the quote is too large to look for the nearest passage (over \(NearestPassage.maxText) scalars of text or \(NearestPassage.maxQuote) of quote)"
            }
        }
        var found: [String] = []
        for s in try otherSources() where s.id != source {
            guard let locator = try locator(s.id), !locator.find(quote).isEmpty else { continue }
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

    private func otherSources() throws -> [Source] {
        if let sources { return sources }
        let out = try readSources()
        sources = out
        return out
    }

    private func locator(_ id: Digest) throws -> ExcerptLocator? {
        if let known = locators[id] { return known }
        guard let text = try readText(id) else { return nil }
        let locator = ExcerptLocator(text: text)
        if cached + locator.text.count <= Self.cachedScalars {
            locators[id] = locator
            cached += locator.text.count
        }
        return locator
    }
}
