import LedgerCapture
import LedgerCore
import LedgerCrypto

extension Ledger {
    /// The anchoring text of source `id` as its entry says to derive it (`CapturedText`): the stored bytes' own
    /// decoding, or the text its extractor gives from them. Nil when the entry, the bytes or the text is missing.
    public func sourceText(_ id: Digest) throws -> String? {
        guard let body = try sourceBody(id), let bytes = try store.blob(id) else { return nil }
        return CapturedText.anchoring(bytes, extractor: body.extractor)
    }

    /// A reader of source `id`'s anchoring text in bounded memory: a capture's extracted text or a plain text up to
    /// `SourceIndex.wholeTextLimit` bytes is held whole; a larger plain text is read through windows of its stored
    /// bytes (one streaming pass builds its `SourceIndex`). Nil when the entry, the bytes or the text is missing.
    public func sourceTextReader(_ id: Digest) throws -> (any SourceTextReader)? {
        guard let body = try sourceBody(id) else { return nil }
        if body.extractor == nil {
            var found = false
            let index = try SourceIndex.build { feed in found = try store.readBlob(id) { try feed($0); return true } }
            guard found, index.textDigest != nil else { return nil }
            if index.byteLength > SourceIndex.wholeTextLimit {
                let store = self.store
                return WindowedSourceText(index: index) { offset, body in _ = try store.readBlob(id, from: offset, body) }
            }
        }
        return try sourceText(id).map(WholeSourceText.init)
    }

    private func sourceBody(_ id: Digest) throws -> SourceBody? {
        guard let seq = try store.seqs(kind: .source, key: id.hex).first, let entryBytes = try store.entryBytes(seq),
              case .source(let body)? = EntryBody(entryBytes), body.id == id else { return nil }
        return body
    }
}
