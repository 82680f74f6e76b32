import LedgerCapture
import LedgerCore
import LedgerCrypto

extension Ledger {
    /// The anchoring text of source `id` as its entry says to derive it (`CapturedText`): the stored bytes' own
    /// decoding, or the text its extractor gives from them. Nil when the entry, the bytes or the text is missing.
    public func sourceText(_ id: Digest) throws -> String? {
        guard let seq = try store.seqs(kind: .source, key: id.hex).first, let entryBytes = try store.entryBytes(seq),
              case .source(let body)? = EntryBody(entryBytes), body.id == id, let bytes = try store.blob(id) else { return nil }
        return CapturedText.anchoring(bytes, extractor: body.extractor)
    }
}
