import LedgerAnalysis
import LedgerCore
import LedgerStore

extension ExcerptHint {
    /// The hint over `ledger`'s recorded sources, as `claim add`, `claim import`, `claim correct` and the server's
    /// claim forms and API give it.
    public convenience init(ledger: Ledger) {
        self.init(sources: {
            try ledger.store.seqs(kind: .source).compactMap { seq in
                guard let bytes = try ledger.store.entryBytes(seq), case .source(let body)? = EntryBody(bytes) else { return nil }
                return Source(id: body.id, seq: seq, outlet: body.outlet)
            }
        }, text: { try ledger.sourceText($0) })
    }

    /// What to add to the message of a claim whose quote is not in its source.
    public func hint(for missing: Ledger.ClaimError.Missing) throws -> String {
        try hint(quote: missing.quote, source: missing.source)
    }
}
